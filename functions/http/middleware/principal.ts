/**
 * The caller, from the claims of the bearer token, verified by bearer-handler.ts before anything else
 * reads them and written where API Gateway's JWT authorizer writes them
 * (`requestContext.authorizer.jwt.claims`), or of the ID token a workspace sign-in received
 * (auth-callback.ts): the same mapping for both. Array claims may come as a string such as
 * "[agency operator]"; both forms are read.
 */
import { ForbiddenError, UnauthorizedError } from '#domain/errors';
import { ROLES, type Principal, type Role } from '#domain/principal';
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
 * Drops whatever sits where principalOf reads claims: only a verified bearer token puts claims there
 * (bearer-handler.ts), on the routes that take one. The first step of every route's access check.
 */
export function dropClaims(event: HttpEvent): void {
  delete (event.requestContext as Partial<HttpEvent['requestContext']>).authorizer;
}

/** Admits the caller to the route or throws 401/403. Ownership is checked later, by the use case. */
export function admit(access: BearerAccess, principal: Principal | undefined): void {
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
