/** How use cases name who acted, for the audit trail. */
import type { Principal } from '#domain/principal';
import type { AuditEvent } from '#domain/records';

export function actorOf(principal: Principal | undefined): AuditEvent['actor'] {
  if (!principal) return { kind: 'public' };
  if (principal.roles.includes('agency') && principal.agencyId)
    return { kind: 'agency', id: principal.agencyId };
  return { kind: 'operator', id: principal.sub };
}

export const systemActor: AuditEvent['actor'] = { kind: 'system' };
