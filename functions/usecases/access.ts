/** Ownership rules shared by the use cases. */
import { ForbiddenError, UnauthorizedError } from '#domain/errors';
import type { Principal } from '#domain/principal';

/** An agency user may act only for its own agency; operators may act for any. */
export function requireActingFor(principal: Principal | undefined, agencyId: string): void {
  if (!principal) throw new UnauthorizedError();
  if (principal.roles.includes('operator')) return;
  if (principal.agencyId !== agencyId) {
    throw new ForbiddenError(
      `This belongs to agency '${agencyId}'; your token acts for '${principal.agencyId ?? 'no agency'}'.`,
      'NOT_YOUR_AGENCY',
    );
  }
}

export function actsFor(principal: Principal | undefined, agencyId: string): boolean {
  return !!principal && (principal.roles.includes('operator') || principal.agencyId === agencyId);
}
