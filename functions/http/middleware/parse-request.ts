/**
 * Reads the request into typed values: body size limit (413), content type (415), JSON or form
 * syntax (400), then the route's zod schemas for body, path and query (400 listing each field).
 */
import type * as z from '#domain/zod';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '#domain/errors';
import type { ErrorDetail } from '#domain/errors';
import { fieldMessage, labelsOf, PARSE_OPTIONS, type FieldLabels } from '#domain/field-errors';
import type { HttpEvent } from '../types.ts';

export const BODY_LIMIT_BYTES = 256 * 1024;

export function rawBody(event: HttpEvent): Buffer | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

export function readBody(event: HttpEvent, limit = BODY_LIMIT_BYTES): unknown {
  const bytes = rawBody(event);
  if (bytes === undefined) return undefined;
  if (bytes.length > limit) throw new PayloadTooLargeError(limit);
  const contentType = (event.headers['content-type'] ?? 'application/json')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const text = bytes.toString('utf8');
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ValidationError(
        'The request body is not valid JSON.',
        [{ path: '', message: (error as Error).message }],
        'MALFORMED_JSON',
      );
    }
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  throw new UnsupportedMediaTypeError(
    `Content type '${contentType}' is not accepted; send application/json (or a form where a page posts one).`,
  );
}

/**
 * zod issues as api.md details: one `{path, message}` per field, with the field's `label` and the
 * `messages` in Traditional Chinese and English (field-errors.ts; `message` is the English).
 */
export function issuesToDetails(issues: z.core.$ZodIssue[], labels: FieldLabels = {}): ErrorDetail[] {
  return issues.map((issue) => {
    const field = fieldMessage(issue, labels);
    return { path: field.path, message: field.message.en, label: field.label, messages: field.message };
  });
}

export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return result.data;
  const details = issuesToDetails(result.error.issues, labelsOf(schema)).map((d) => ({
    ...d,
    path: d.path ? (where === 'body' ? d.path : `${where}.${d.path}`) : where === 'body' ? '' : where,
  }));
  throw new ValidationError(
    `The ${where === 'body' ? 'request body' : where} is not valid: ${details
      .slice(0, 3)
      .map((d) => d.message)
      .join(' ')}${details.length > 3 ? ' …' : ''}`,
    details,
  );
}
