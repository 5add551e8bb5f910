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
