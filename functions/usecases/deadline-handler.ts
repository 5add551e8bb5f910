/** The shape of what runs when a deadline comes due (deadlines.ts holds one per kind). */
import type { DeadlinePayload } from '#ports/scheduler';
import type { ProposalRecord } from '#ports/proposal-repository';

export type DeadlineOutcome = 'RELEASED' | 'NOT_YET' | 'NOTHING_TO_DO';

export type DeadlineHandler = (
  proposal: ProposalRecord,
  deadline: DeadlinePayload,
) => Promise<DeadlineOutcome>;
