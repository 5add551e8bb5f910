/**
 * A member's ballot: bound to one member and one proposal version; its link's secret is stored
 * only as a hash. Whether a link may still be used is decided here, from stored facts.
 */
import * as z from './zod.ts';
import { labelFields } from './field-errors.ts';
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
  /** When the vote packet with the first link went out. */
  mailedAt?: string;
  /**
   * The occasions (a reminder, an extension) whose mail with a fresh link went out: a deadline
   * retried after some of its mails went out mails only the others, and mails no one a link
   * that a second one has already replaced.
   */
  remindedFor?: string[];
  cast?: CastVote;
}

export interface CastVote {
  decision: BallotDecision;
  reason: string;
  castAt: string;
}

/**
 * One proposal version's vote: the votes are recorded here, not on the ballots, so that one
 * conditional write closes the vote against every ballot at once. A vote is counted exactly when
 * its write found the vote open.
 */
export interface VoteState {
  proposalId: string;
  version: number;
  closed: boolean;
  closedAt?: string;
  /** By member id. */
  votes: Record<string, CastVote>;
}

/** The ballot form's and body's field labels (field-errors.ts). */
export const BALLOT_LABELS = {
  decision: { zh: '表決意見', en: 'Your vote' },
  reason: { zh: '理由', en: 'Reason' },
};

export const BallotInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z
    .object({ decision: BallotDecisionSchema, reason: /* @__PURE__ */ optionalTextField(2000) })
    .check(
      /* @__PURE__ */ z.refine((b) => b.decision === 'APPROVE' || b.reason.length > 0, {
        path: ['reason'],
        message: 'A reason is required to reject, request changes or recuse.',
        params: { zh: '不同意、建議修正或迴避時，請說明理由。' },
      }),
    ),
  BALLOT_LABELS,
);
export type BallotInput = z.infer<typeof BallotInputSchema>;

export type BallotState = 'OPEN' | 'USED' | 'EXPIRED' | 'SUPERSEDED' | 'CLOSED';

/**
 * Why a link can or cannot be used: a vote already cast wins over everything (the page shows what
 * was recorded), then a newer proposal version or a newer link, then the closed vote (it closed
 * before this ballot arrived), then the deadline. A version without a vote record is not open.
 */
export function ballotState(
  ballot: Ballot,
  linkHash: string,
  review: { version: number; deadline: string; closed: boolean },
  vote: VoteState | undefined,
  now: Date,
): BallotState {
  if (ballot.cast || vote?.votes[ballot.memberId]) return 'USED';
  if (ballot.version !== review.version || ballot.secretHash !== linkHash) return 'SUPERSEDED';
  if (vote?.closed) return 'CLOSED';
  if (!vote || review.closed || now.getTime() >= Date.parse(review.deadline)) return 'EXPIRED';
  return 'OPEN';
}
