/**
/**
 * The caller, from the claims of the bearer token, verified by `verifyBearer` before anything else
 * reads them and written where API Gateway's JWT authorizer writes them
 * (`requestContext.authorizer.jwt.claims`), or of the ID token a workspace sign-in received
 * (auth-callback.ts): the same mapping for both. Array claims may come as a string such as
 * "[agency operator]"; both forms are read.
 */
import { ForbiddenError, UnauthorizedError } from '#domain/errors';
import { ROLES, type Principal, type Role } from '#domain/principal';
import { verifiedClaims } from '#ports/bearer-tokens';
import type { BearerAccess, HttpEvent } from '../types.ts';

function readGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string')
    return raw
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
}

export function principalOf(event: HttpEvent): Principal | undefined {
  return principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
}

/** `sub`, `cognito:groups` and `custom:agency_id` as Cognito names them → the Principal. */
export function principalFromClaims(raw: unknown): Principal | undefined {
  const claims = raw as Record<string, unknown> | undefined;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  const roles = readGroups(claims['cognito:groups']).filter((g): g is Role => ROLES.includes(g as Role));
  const agencyId = typeof claims['custom:agency_id'] === 'string' ? claims['custom:agency_id'] : undefined;
  return { sub: claims.sub, roles, agencyId };
}

/**
 * Verifies the bearer token of a route that takes one (functions/ports/bearer-tokens.ts) and puts
 * its claims where principalOf reads them; a route without a valid token answers 401 with the
 * contract's body. Whatever sits there before is dropped: only this verification puts claims there.
 * The first step of httpHandler's access check (a workspace route takes a session instead, and so
 * bundles no token verification).
 */
export async function verifyBearer(access: 'public' | BearerAccess, event: HttpEvent): Promise<void> {
  const context = event.requestContext as Partial<HttpEvent['requestContext']>;
  delete context.authorizer;
  if (access === 'public') return;
  const token = /^Bearer (.+)$/i.exec(event.headers?.authorization ?? '')?.[1];
  const claims = token ? await verifiedClaims(token) : undefined;
  if (!claims) throw new UnauthorizedError();
  context.authorizer = {
    principalId: '',
    integrationLatency: 0,
    jwt: { claims: claims as Record<string, string>, scopes: [] },
  };
}

/** Admits the caller to the route or throws 401/403. Ownership is checked later, by the use case. */
export function admit(access: 'public' | BearerAccess, principal: Principal | undefined): void {
  if (access === 'public') return;
  if (!principal) throw new UnauthorizedError();
  const allowed: Role[] = access === 'agency-or-operator' ? ['agency', 'operator'] : [access];
  if (!principal.roles.some((r) => allowed.includes(r))) {
    throw new ForbiddenError(`This action is for ${allowed.join(' or ')} accounts.`, 'ROLE_REQUIRED');
  }
  // A token in both groups would act for every agency as an operator: an agency route takes one role.
  if (access === 'agency' && principal.roles.includes('agency') && principal.roles.includes('operator')) {
    throw new ForbiddenError(
      'This token is in both the agency and the operator group; agency actions take an agency-only token.',
      'CONFLICTING_ROLES',
    );
  }
  if (access === 'agency' && !principal.agencyId && !principal.roles.includes('operator')) {
    throw new ForbiddenError('The token names no agency (custom:agency_id).', 'AGENCY_REQUIRED');
  }
}
