/**
 * The one error hierarchy of the service. Each class carries the HTTP status and a stable
 * SCREAMING_SNAKE code; the HTTP error middleware turns any of them into the api.md error body.
 * Anything that is not an AppError is an unexpected fault and becomes a plain 500 without internals.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `items.0.amountTwd`; empty for the whole request. */
  path: string;
  message: string;
  /** Optional machine-readable rule name, e.g. `CHARGE_EXCEEDS_UNIT_COST`. */
  rule?: string;
  /** The field's label, where its schema gives one (field-errors.ts). */
  label?: { zh: string; en: string };
  /** The message in Traditional Chinese and English (field-errors.ts); `message` is the English. */
  messages?: { zh: string; en: string };
}

export abstract class AppError extends Error {
  /**
   * The class's name, written out in each class: the workflow definitions retry errors by this name
   * (ErrorEquals), and a minifier renames classes, so it must not be derived from the class.
   */
  abstract override readonly name: string;
  abstract readonly statusCode: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** 400: the request is malformed or a field breaks its schema. */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly statusCode = 400;
  constructor(message: string, details: ErrorDetail[] = [], code = 'VALIDATION_FAILED') {
    super(code, message, details);
  }
}

/** 401: no token, or a token that does not verify. */
export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  readonly statusCode = 401;
  constructor(message = 'A valid bearer token is required.', code = 'UNAUTHORIZED') {
    super(code, message);
  }
}

/** 403: authenticated, but this caller may not act on this resource. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  readonly statusCode = 403;
  constructor(message: string, code = 'FORBIDDEN') {
    super(code, message);
  }
}

/** 404: unknown id. */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly statusCode = 404;
  constructor(
    readonly what: string,
    readonly id: string,
    code = 'NOT_FOUND',
  ) {
    super(code, `${what} '${id}' does not exist.`);
  }
}

/** 409: the resource is in the wrong state, or a concurrent write won. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  readonly statusCode = 409;
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super(code, message, details);
  }
}

/** 410: a link that was valid once (ballot) is used, expired or superseded. */
export class GoneError extends AppError {
  override readonly name = 'GoneError';
  readonly statusCode = 410;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** 413: body over the limit. */
export class PayloadTooLargeError extends AppError {
  override readonly name = 'PayloadTooLargeError';
  readonly statusCode = 413;
  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', `The request body exceeds ${limitBytes} bytes.`);
  }
}

/** 415: a body in a content type the route does not read. */
export class UnsupportedMediaTypeError extends AppError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly statusCode = 415;
  constructor(message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', message);
  }
}

/** 422: well-formed, but a business rule refuses it; `code` names the rule. */
export class RuleViolationError extends AppError {
  override readonly name = 'RuleViolationError';
  readonly statusCode = 422;
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super(code, message, details);
  }
}

/** 429: this client or this recipient has reached a limit; `retryAfterSeconds` says when it lifts. */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';
  readonly statusCode = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'RATE_LIMITED',
  ) {
    super(code, message);
  }
}

/** 503: a dependency is throttling or failing; nothing was half-written, the client may retry. */
export class ServiceUnavailableError extends AppError {
  override readonly name = 'ServiceUnavailableError';
  readonly statusCode = 503;
  constructor(message = 'The service is busy; retry shortly.', code = 'SERVICE_UNAVAILABLE') {
    super(code, message);
  }
}
