/**
 * Where a review execution starts: the entries of the workflow's `Decide where the review starts`
 * Choice (workflows/fee-proposal-review.asl.json names the same values). Without one, an execution
 * starts with the consultation notice.
 * - CONSULTATION_CLOSE, DISPOSITIONS, VOTE_DECISION: the waiting step of that name, entered by an
 *   execution that continues one whose wait reached its bound, or by a restart;
 * - VOTE: the advisory vote opens (a resubmission without a change to any fee item, or a restart
 *   after the consultation report).
 */
export const REVIEW_PHASES = ['CONSULTATION_CLOSE', 'DISPOSITIONS', 'VOTE', 'VOTE_DECISION'] as const;
export type ReviewPhase = (typeof REVIEW_PHASES)[number];

/** The phase an execution enters to continue a waiting step, by the step's stored name. */
export const PHASE_OF_WAITING_STEP = {
  CONSULTATION_CLOSE: 'CONSULTATION_CLOSE',
  DISPOSITIONS: 'DISPOSITIONS',
  VOTE: 'VOTE_DECISION',
} as const satisfies Record<string, ReviewPhase>;

/** What the restart rule reads of a stored proposal. */
export interface RestartFacts {
  status: string;
  version: number;
  noticePublishedAt?: string;
  review?: { version: number };
}

/** The trail's event of an operator's restart of a stopped review (usecases/restart-review.ts). */
export const REVIEW_RESTARTED = 'REVIEW_RESTARTED';

/** The statuses a review execution runs in: only a review in one of them can be restarted. */
export const REVIEWING_STATUSES = ['IN_CONSULTATION', 'AWAITING_RESPONSES', 'UNDER_REVIEW'] as const;

/**
 * Where a stopped review restarts: after the last phase the stored proposal shows completed (every
 * step is idempotent, so entering one whose work is partly done only finishes it). `undefined`
 * means from the start, the consultation notice; `null` that the proposal is not in review.
 * - IN_CONSULTATION: the notice published → the wait for the closing date; else from the notice;
 * - AWAITING_RESPONSES (closed, the report not yet published) → the wait for every answer;
 * - UNDER_REVIEW: the vote of this version opened → the wait for its decision; else the vote opens.
 */
export function restartPhase(proposal: RestartFacts): ReviewPhase | undefined | null {
  switch (proposal.status) {
    case 'IN_CONSULTATION':
      return proposal.noticePublishedAt ? 'CONSULTATION_CLOSE' : undefined;
    case 'AWAITING_RESPONSES':
      return 'DISPOSITIONS';
    case 'UNDER_REVIEW':
      return proposal.review?.version === proposal.version ? 'VOTE_DECISION' : 'VOTE';
    default:
      return null;
  }
}
