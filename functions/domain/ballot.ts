/**
 * A member's ballot: bound to one member and one proposal version; its link's secret is stored
 * only as a hash. Whether a link may still be used is decided here, from stored facts.
 */
import * as z from 'zod';
import { BallotDecisionSchema } from './vote-tally.ts';
import type { BallotDecision } from './vote-tally.ts';
import { optionalTextField } from './common.ts';
import type { Seat } from './advisory-group.ts';

export interface Ballot {
  proposalId: string;
  version: number;
  memberId: string;
  memberName: string;
  seat: Seat;
  /** Hash of the secret of the newest link mailed; older links no longer open the ballot. */
  secretHash: string;
  issuedAt: string;
  mailedAt?: string;
  cast?: { decision: BallotDecision; reason: string; castAt: string };
}

export const BallotInputSchema = z
  .object({ decision: BallotDecisionSchema, reason: optionalTextField(2000) })
  .refine((b) => b.decision === 'APPROVE' || b.reason.length > 0, {
    path: ['reason'],
    message: 'A reason is required to reject, request changes or recuse.',
  });
export type BallotInput = z.infer<typeof BallotInputSchema>;

export type BallotState = 'OPEN' | 'USED' | 'EXPIRED' | 'SUPERSEDED';

/**
 * Why a link can or cannot be used: a vote already cast wins over everything (the page shows what
 * was recorded), then a newer proposal version or a newer link, then the deadline.
 */
export function ballotState(
  ballot: Ballot,
  linkHash: string,
  review: { version: number; deadline: string; closed: boolean },
  now: Date,
): BallotState {
  if (ballot.cast) return 'USED';
  if (ballot.version !== review.version || ballot.secretHash !== linkHash) return 'SUPERSEDED';
  if (review.closed || now.getTime() >= Date.parse(review.deadline)) return 'EXPIRED';
  return 'OPEN';
}
