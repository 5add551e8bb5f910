/**
 * A handler's result as the API Gateway v2 response: the security headers on every answer, binary
 * bodies base64-encoded, JSON by default. Its own module so that what answers without the request
 * pipeline (the $default route, page errors) bundles only this, not the middy handler factory.
 */
import { SECURITY_HEADERS } from './security-headers.ts';
import type { HttpResponse, HttpResult } from './types.ts';

export function toResponse(result: HttpResult): HttpResponse {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
    ...result.headers,
  };
  const cookies = result.cookies?.length ? { cookies: result.cookies } : {};
  if (result.body === undefined) return { statusCode: result.status, headers, ...cookies };
  if (Buffer.isBuffer(result.body)) {
    headers['content-type'] = result.contentType ?? 'application/octet-stream';
    return {
      statusCode: result.status,
      headers,
      body: result.body.toString('base64'),
      isBase64Encoded: true,
      ...cookies,
    };
  }
  if (typeof result.body === 'string' && result.contentType) {
    headers['content-type'] = result.contentType;
    return { statusCode: result.status, headers, body: result.body, ...cookies };
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body), ...cookies };
}
