/**
 * The facts of the public audit trail that its page shows: per event, what happened, who acted,
 * when, on which version, and the few details a person can read (the member and the vote once
 * published, the comment concerned, an extension's new date and reason, an operator's reason for
 * restarting a stopped review, the agency's reason for withdrawing the proposal). Internal ids of members, groups and executions stay in the JSON.
 */
import type { AuditEvent } from '#domain/records';
import { BallotDecisionSchema, type BallotDecision } from '#domain/vote-tally';

export interface TrailEntry {
  at: string;
  type: string;
  actor: AuditEvent['actor']['kind'];
  version: number;
  member?: string;
  decision?: BallotDecision;
  commentId?: string;
  extendedTo?: string;
  reason?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * Events whose reason the trail shows: an extension's, a restart's (what the operator fixed) and a
 * withdrawal's (the withdrawal page tells the clerk that its reason is published).
 */
const REASONED = new Set(['CONSULTATION_EXTENDED', 'VOTE_EXTENDED', 'REVIEW_RESTARTED', 'WITHDRAWN']);

const isDecision = (value: unknown): value is BallotDecision =>
  (BallotDecisionSchema.options as readonly unknown[]).includes(value);

export function trailEntries(events: readonly AuditEvent[]): TrailEntry[] {
  return events.map((event) => {
    const detail = event.detail ?? {};
    const extended = event.type === 'CONSULTATION_EXTENDED' || event.type === 'VOTE_EXTENDED';
    const entry: TrailEntry = {
      at: event.at,
      type: event.type,
      actor: event.actor.kind,
      version: event.proposalVersion,
    };
    const member = text(detail.member);
    const commentId = text(detail.commentId);
    const extendedTo = extended ? text(detail.to) : undefined;
    const reason = REASONED.has(event.type) ? text(detail.reason) : undefined;
    if (member) entry.member = member;
    if (isDecision(detail.decision)) entry.decision = detail.decision;
    if (commentId) entry.commentId = commentId;
    if (extendedTo) entry.extendedTo = extendedTo;
    if (reason) entry.reason = reason;
    return entry;
  });
}
