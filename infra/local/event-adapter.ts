/**
 * Turns a Node HTTP request into the API Gateway HTTP API (payload v2) event a Lambda handler
 * receives on AWS, and the handler's result back into the Node response, so the local runtime
 * runs the very same handlers.
 */
import { SECURITY_HEADERS } from '#http/security-headers';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpEvent, HttpResponse } from '#http/types';

export interface MatchedRoute {
  routeKey: string;
  pathParameters: Record<string, string>;
}

export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  route: MatchedRoute,
  now: Date,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  headers['x-forwarded-proto'] ??= 'http';
  // API Gateway v2 hands cookies over apart from the headers, one `name=value` each.
  const cookies = (headers.cookie ?? '').split(/;\s*/).filter(Boolean);
  delete headers.cookie;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const textual = isTextual(headers['content-type']);
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies.length ? { cookies } : {}),
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(route.pathParameters).length ? route.pathParameters : undefined,
    body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  } as HttpEvent;
}

function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /^(text\/|application\/(json|.*\+json|x-www-form-urlencoded|xml))/i.test(contentType);
}

export function writeResponse(res: ServerResponse, result: HttpResponse, method: string): void {
  const body =
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  res.writeHead(result.statusCode, {
    ...SECURITY_HEADERS,
    ...result.headers,
    ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}),
    ...(body ? { 'content-length': String(body.length) } : {}),
  });
  res.end(method === 'HEAD' ? undefined : body);
}
