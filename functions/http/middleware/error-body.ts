/**
 * The one place errors become responses: an AppError becomes its status and the api.md body
 * `{error: {code, message, details}}`; anything else is logged and answered with a plain 500
 * that reveals nothing about the internals.
 */
import type { MiddlewareObj } from '@middy/core';
import { AppError, TooManyRequestsError } from '#domain/errors';
import type { HttpEvent, HttpResponse } from '../types.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { log } from '#ports/log';

export function errorBody(
  body: { code: string; message: string; details?: unknown[] },
  statusCode: number,
): HttpResponse {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
    },
    body: JSON.stringify({ error: { code: body.code, message: body.message, details: body.details ?? [] } }),
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.stack : String(error));

export function errorToResponse(error: unknown, requestId: string): HttpResponse {
  if (error instanceof AppError) {
    const response = errorBody(error, error.statusCode);
    if (error instanceof TooManyRequestsError)
      response.headers['retry-after'] = String(error.retryAfterSeconds);
    // A dependency that failed (503) says why only here: the client is told no more than to retry.
    if (error.statusCode >= 500 && error.cause !== undefined)
      log.warn('dependency unavailable', { requestId, code: error.code, cause: describe(error.cause) });
    return response;
  }
  log.error('unexpected error', { requestId, error: describe(error) });
  return errorBody(
    { code: 'INTERNAL_ERROR', message: `Something went wrong on our side (request ${requestId}).` },
    500,
  );
}

/** Answers an error as a page instead of the JSON body when it can (see page-errors.ts); else undefined. */
export type PageErrors = (
  error: unknown,
  event: HttpEvent,
) => Promise<HttpResponse | undefined> | HttpResponse | undefined;

export const httpErrors = (pageErrors?: PageErrors): MiddlewareObj<HttpEvent, HttpResponse> => ({
  onError: async (request) => {
    const requestId = request.event.requestContext?.requestId ?? 'unknown';
    request.response =
      (await pageErrors?.(request.error, request.event)) ?? errorToResponse(request.error, requestId);
    request.response.headers['x-request-id'] = requestId;
  },
});
