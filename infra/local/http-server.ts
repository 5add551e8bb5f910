/**
 * The local HTTP front door: matches a request against the shared route table, checks the
 * bearer token as the HTTP API's JWT authorizer would, and invokes the route's real Lambda
 * handler with an API Gateway v2 event. `/_local/*` routes belong to the local runtime only.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { methodsOf } from '#http/routes';
import type { AnsweredMethod, RouteDefinition } from '#http/routes';
import { noRouteResponse, routesAt } from '#http/no-route';
import { requestLanguage } from '#http/language';
import type { HttpEvent, HttpResponse } from '#http/types';
import { errorBody } from '#http/middleware/error-body';
import { log } from '#ports/log';
import { toApiGatewayEvent, writeResponse } from './event-adapter.ts';
import type { Clock } from '#ports/clock';
import { handlerLoader } from './handlers.ts';
import type { LoadHandler } from './handlers.ts';
import { LOCAL_OIDC_PATH, type LocalIdentityProvider } from './oidc-provider.ts';

/** API Gateway's own payload limit; the handlers enforce the service's smaller limit. */
const GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;

type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;
export type LocalRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<boolean>;

export interface HttpServerOptions {
  clock: Clock;
  /** The runtime's own routes (`/_local/*`); returns false when it does not serve the path. */
  localRoutes: LocalRoute;
  /** Where the route handlers come from (default: the source modules). */
  loadHandler?: LoadHandler;
  /** The embedded OpenID provider, served under `/oidc` (it reads the request body itself). */
  identityProvider?: () => LocalIdentityProvider | undefined;
}

export function createHttpServer(options: HttpServerOptions): Server {
  const resolved = { ...options, loadHandler: options.loadHandler ?? handlerLoader() };
  return createServer((req, res) => {
    handle(req, res, resolved).catch((error: unknown) => {
      log.error('local server fault', { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent)
        writeResponse(res, errorBody({ code: 'INTERNAL_ERROR', message: 'Local server fault.' }, 500), 'GET');
      else res.destroy();
    });
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpServerOptions & { loadHandler: LoadHandler },
) {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const identityProvider = options.identityProvider?.();
  if (
    identityProvider &&
    (url.pathname === LOCAL_OIDC_PATH || url.pathname.startsWith(`${LOCAL_OIDC_PATH}/`))
  )
    return identityProvider.handle(req, res);
  const body = await readLimited(req, GATEWAY_BODY_LIMIT);
  if (body === undefined) {
    return writeResponse(
      res,
      errorBody({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body exceeds 10 MB.' }, 413),
      method,
    );
  }
  if (url.pathname.startsWith('/_local/') || url.pathname === '/') {
    if (await options.localRoutes(req, res, url, body)) return;
  }

  // HEAD reaches a GET route only where the route says so, as on AWS, where only those have a HEAD route.
  const match = routesAt(url.pathname).find((c) => methodsOf(c.route).includes(method as AnsweredMethod));
  if (!match) {
    return writeResponse(
      res,
      noRouteResponse({
        method,
        path: url.pathname,
        accept: req.headers.accept,
        language: requestLanguage({
          rawPath: url.pathname,
          rawQueryString: url.search.slice(1),
          queryStringParameters: Object.fromEntries(url.searchParams),
          headers: {
            cookie: req.headers.cookie,
            'accept-language': req.headers['accept-language'],
            'x-forwarded-proto': 'http',
          },
        }),
      }),
      method,
    );
  }
  const values = match.regex.exec(url.pathname)!.slice(1);
  const decoded = values.map(decodePathSegment);
  if (decoded.some((value) => value === undefined)) {
    // API Gateway refuses a path whose escapes do not decode, before any function runs.
    return writeResponse(
      res,
      errorBody(
        { code: 'MALFORMED_PATH', message: 'The path holds a % escape that is not valid UTF-8.' },
        400,
      ),
      method,
    );
  }
  const pathParameters = Object.fromEntries(match.names.map((name, i) => [name, decoded[i]!]));

  const event = toApiGatewayEvent(
    req,
    url,
    body,
    { routeKey: `${match.route.method} ${match.route.path}`, pathParameters },
    options.clock.now(),
  );
  const handler = (await options.loadHandler(match.route.entry)) as LambdaHandler;
  const result = await handler(event, lambdaContext(event.requestContext.requestId, match.route));
  writeResponse(res, result, method);
}

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lambdaContext(requestId: string, route: RouteDefinition): Context {
  return {
    awsRequestId: requestId,
    functionName: route.entry,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.entry}`,
    memoryLimitInMB: '512',
    logGroupName: 'local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
