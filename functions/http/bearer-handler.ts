/**
 * API routes that take a bearer token (access `agency`, `operator` or `agency-or-operator` in
 * routes.ts and in the handler alike): the token is verified in the function
 * (functions/ports/bearer-tokens.ts) before anything reads its claims, and the route's access admits
 * the caller or answers 401/403 with the contract's body. A module of its own so that only these
 * routes bundle the token verification (jose): public routes are built with `httpHandler`
 * (handler.ts), workspace routes with `workspaceHandler`.
 */
import { UnauthorizedError } from '#domain/errors';
import { verifiedClaims } from '#ports/bearer-tokens';
import { routeHandler, type Caller, type RouteInput, type RouteSpec } from './handler.ts';
import { idempotency } from './middleware/idempotency.ts';
import { admit, principalOf } from './middleware/principal.ts';
import type { BearerAccess, HttpEvent, HttpResult } from './types.ts';

export function bearerHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q, BearerAccess>,
  run: (input: RouteInput<B, P, Q>) => Promise<HttpResult>,
) {
  return routeHandler(spec, run, bearerCaller(spec.access), [idempotency()]);
}

/** A bearer route that answers GET only: as bearerHandler, without the write middleware (handler.ts). */
export function bearerGetHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: RouteSpec<B, P, Q, BearerAccess>,
  run: (input: RouteInput<B, P, Q>) => Promise<HttpResult>,
) {
  return routeHandler(spec, run, bearerCaller(spec.access));
}

/** The access step: the verified token's principal, if the route's access admits it. */
const bearerCaller =
  (access: BearerAccess) =>
  async (event: HttpEvent): Promise<Caller> => {
    await verifyBearer(event);
    const principal = principalOf(event);
    admit(access, principal);
    return { principal };
  };

/**
 * Puts the verified claims of the request's bearer token where principalOf reads them, as API
 * Gateway's JWT authorizer would; without a valid token, 401 with the contract's body.
 */
async function verifyBearer(event: HttpEvent): Promise<void> {
  const token = /^Bearer (.+)$/i.exec(event.headers?.authorization ?? '')?.[1];
  const claims = token ? await verifiedClaims(token) : undefined;
  if (!claims) throw new UnauthorizedError();
  event.requestContext.authorizer = {
    principalId: '',
    integrationLatency: 0,
    jwt: { claims: claims as Record<string, string>, scopes: [] },
  };
}
