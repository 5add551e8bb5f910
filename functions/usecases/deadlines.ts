/**
 * What happens when a stored deadline comes due. Every branch re-reads the proposal: a deadline
 * that was moved later (an extension) or whose step already happened does nothing.
 */
import type { DeadlinePayload } from '#ports/scheduler';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { releaseWaitingStep } from './workflow-steps.ts';
import { voteDeadlineHandlers } from './vote-deadlines.ts';

export type DeadlineOutcome = 'RELEASED' | 'NOT_YET' | 'NOTHING_TO_DO';

export async function fireDeadline(deadline: DeadlinePayload): Promise<DeadlineOutcome> {
  const found = await proposalRepository.get(deadline.proposalId);
  if (!found) return 'NOTHING_TO_DO';
  const proposal = found.value;
  switch (deadline.kind) {
    case 'CONSULTATION_CLOSES': {
      const closesAt = proposal.consultation?.closesAt;
      if (
        proposal.status !== 'IN_CONSULTATION' ||
        !closesAt ||
        proposal.consultation?.round !== deadline.round
      )
        return 'NOTHING_TO_DO';
      if (currentClock().now().getTime() < Date.parse(closesAt)) return 'NOT_YET'; // extended: rescheduled already
      return (await releaseWaitingStep(deadline.proposalId, 'CONSULTATION_CLOSE', { closedAt: closesAt }))
        ? 'RELEASED'
        : 'NOTHING_TO_DO';
    }
    default:
      return voteDeadlineHandlers[deadline.kind](proposal, deadline);
  }
}
