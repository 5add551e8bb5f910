/**
 * What the public sees of a proposal's audit trail: everything, except that while a vote is open
 * a VOTE_CAST says only that a member voted — who voted and how appear once the decision on that
 * version is published (with the decision's positions), so no vote is cast knowing the others.
 */
import type { AuditEvent } from './records.ts';

export function publicTrail(events: readonly AuditEvent[], decidedVersion: number | undefined): AuditEvent[] {
  return events.map((event) => {
    if (event.type !== 'VOTE_CAST' || event.proposalVersion <= (decidedVersion ?? 0)) return event;
    const { detail: _hidden, ...rest } = event;
    return { ...rest, actor: { kind: event.actor.kind } };
  });
}
