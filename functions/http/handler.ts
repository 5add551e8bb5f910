/**
 * Builds a route's Lambda handler: the middleware every route shares (request log, error body,
 * access check, the per-source limit on public writes, parsing, idempotency) around a short function that calls one use case.
 * A handler file therefore reads as: what it accepts, who may call it, and which use case runs.
 * Public routes are built with `httpHandler`; API routes that take a bearer token with `bearerHandler`
 * (bearer-handler.ts); workspace pages and forms, which take a session, with `workspaceHandler`
 * (workspace-handler.ts): the same pipeline, each with its own access step, so that a route bundles
 * only the caller check its access needs.
 *
 * A function whose routes answer only GET (and HEAD) is built with the `…GetHandler` of its access
 * instead (`httpGetHandler`, `bearerGetHandler`, `workspaceGetHandler`): the same pipeline without
 * the write middleware, which does nothing on a GET (an Idempotency-Key is honoured on a POST only,
 * the public write limit counts no read), so such a function does not bundle the idempotency store
 * nor the rate limits. test/infra/bundles.test.ts asserts that a function bundles the idempotency
 * middleware exactly when one of its routes is a POST.
 */
import middy from '@middy/core';
import type * as z from '#domain/zod';
import { httpErrors, type PageErrors } from './middleware/error-body.ts';
import { idempotency } from './middleware/idempotency.ts';
import { parseWith, readBody, BODY_LIMIT_BYTES } from './middleware/parse-request.ts';
import { dropClaims, principalOf } from './middleware/principal.ts';
import { publicWriteLimit } from './middleware/rate-limit.ts';
import { toResponse } from './to-response.ts';
import { requestLanguage } from './language.ts';
import type { Lang, PageLocale } from '#templates/language';
import { log, startInvocationLog } from '#ports/log';
import type { Principal } from '#domain/principal';
import type { WorkspaceSession } from '#domain/session';
import type { Access, HttpEvent, HttpResponse, HttpResult } from './types.ts';

export interface RouteInput<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  principal: Principal | undefined;
  /** On workspace routes: the signed-in person's session (its `csrfToken` goes into every form). */
  session?: WorkspaceSession;
  headers: Record<string, string | undefined>;
  /** The request's cookies as `name=value` (API Gateway v2 passes them apart from the headers). */
  cookies: string[];
  requestId: string;
  /** Absolute base URL of this API as the caller reached it (for links in responses). */
  baseUrl: string;
  /** The language the caller reads (chosen once, in language.ts) and the link to the other one. */
  locale: PageLocale;
  /** The language the caller expressed, if any: recorded with an action for the mails about it. */
  lang: Lang | undefined;
}

export interface RouteSpec<B, P, Q, A extends Access = 'public'> {
  access: A;
  body?: z.ZodMiniType<B>;
  params?: z.ZodMiniType<P>;
  query?: z.ZodMiniType<Q>;
  bodyLimitBytes?: number;
  /** How errors become pages for people (from page-errors.ts; imported only by routes with pages). */
  pageErrors?: PageErrors;
}

/** The access step of a public route: nobody is looked for. */
const anyone = async (): Promise<Caller> => ({});

/** A public route: anyone may call it, and a bearer token it is sent is not even looked at. */
export function httpHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q>,
  run: (input: RouteInput<B, P, Q>) => Promise<HttpResult>,
) {
  return routeHandler(spec, run, anyone, [publicWriteLimit(), idempotency()]);
}

/** A public route that answers GET (and HEAD) only: as httpHandler, without the write middleware. */
export function httpGetHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q>,
  run: (input: RouteInput<B, P, Q>) => Promise<HttpResult>,
) {
  return routeHandler(spec, run, anyone);
}

/** Who is calling, as the access step of a route found them. */
export interface Caller {
  principal?: Principal;
  session?: WorkspaceSession;
}

/**
 * The pipeline of every route. `admitCaller` is the access step: it finds the caller and throws
 * when the route's access refuses them (a bearer token in bearer-handler.ts, a session in
 * workspace-handler.ts). Claims found on the event before it are dropped: only it puts any there.
 * `writes` run once the caller is admitted, on a function that takes writes: idempotency
 * (middleware/idempotency.ts), after the per-source limit that only public routes count (so only
 * httpHandler passes one, and only public routes bundle the rate limits). The `…GetHandler`
 * builders pass none.
 */
export function routeHandler<B, P, Q, A extends Access>(
  spec: RouteSpec<B, P, Q, A>,
  run: (input: RouteInput<B, P, Q>) => Promise<HttpResult>,
  admitCaller: (event: HttpEvent) => Promise<Caller>,
  writes: middy.MiddlewareObj<HttpEvent, HttpResponse>[] = [],
) {
  const callers = new WeakMap<HttpEvent, Caller>();
  return middy<HttpEvent, HttpResponse>()
    .use(requestLog())
    .use(rememberLanguage())
    .use(httpErrors(spec.pageErrors))
    .use({
      before: async (request) => {
        dropClaims(request.event);
        callers.set(request.event, await admitCaller(request.event));
      },
    })
    .use(writes)
    .handler(async (event) => {
      const raw = readBody(event, spec.bodyLimitBytes ?? BODY_LIMIT_BYTES);
      const { lang, switchHref, expressed } = requestLanguage(event);
      const caller = callers.get(event) ?? {};
      const input: RouteInput<B, P, Q> = {
        body: spec.body ? parseWith(spec.body, raw ?? {}, 'body') : (undefined as B),
        params: spec.params ? parseWith(spec.params, event.pathParameters ?? {}, 'path') : ({} as P),
        query: spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}, 'query') : ({} as Q),
        principal: caller.principal,
        session: caller.session,
        headers: event.headers,
        cookies: event.cookies ?? [],
        requestId: event.requestContext.requestId,
        baseUrl: baseUrlOf(event),
        locale: { lang, switchHref },
        lang: expressed,
      };
      return toResponse(await run(input));
    });
}

export function baseUrlOf(event: HttpEvent): string {
  const configured = process.env.PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/$/, '');
  const proto = event.headers['x-forwarded-proto'] ?? 'https';
  return `${proto}://${event.requestContext.domainName}`;
}

/** A language chosen by `?lang=` is remembered for the next pages, whatever this one answers. */
function rememberLanguage(): middy.MiddlewareObj<HttpEvent, HttpResponse> {
  const remember = async (request: middy.Request<HttpEvent, HttpResponse>) => {
    const { setCookie } = requestLanguage(request.event);
    if (setCookie && request.response) request.response.headers['set-cookie'] = setCookie;
  };
  return { after: remember, onError: remember };
}

/**
 * Every log line of the request carries its Lambda context and request id; one line per request
 * says its route, status and duration (and names the request id itself, since the local runtime
 * serves requests concurrently in one process, where appended keys are shared).
 */
function requestLog(): middy.MiddlewareObj<HttpEvent, HttpResponse> {
  const started = new WeakMap<object, number>();
  const done = (request: middy.Request<HttpEvent, HttpResponse>) => {
    const event = request.event;
    const statusCode = request.response?.statusCode ?? 500;
    if (request.response) request.response.headers['x-request-id'] = event.requestContext.requestId;
    log.info('request', {
      requestId: event.requestContext.requestId,
      route: event.routeKey,
      status: statusCode,
      // Who called a route that takes a token (read after the token is verified); never the token.
      sub: principalOf(event)?.sub,
      ms: Date.now() - (started.get(request) ?? Date.now()),
    });
  };
  return {
    before: async (request) => {
      started.set(request, Date.now());
      startInvocationLog(request.context, { requestId: request.event.requestContext.requestId });
    },
    after: async (request) => done(request),
    onError: async (request) => {
      if (request.response) done(request);
    },
  };
}
