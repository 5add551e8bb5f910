/**
 * What happens when a stored deadline comes due. Every branch re-reads the proposal: a deadline
 * that was moved later (an extension) or whose step already happened does nothing.
 */
import type { DeadlineKind, DeadlinePayload } from '#ports/scheduler';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { releaseWaitingStep } from './workflow-steps.ts';
import { voteDeadlineHandlers } from './vote-deadlines.ts';
import { commentDigest } from './comment-digest.ts';
import type { DeadlineHandler, DeadlineOutcome } from './deadline-handler.ts';

const consultationCloses: DeadlineHandler = async (proposal, deadline) => {
  const closesAt = proposal.consultation?.closesAt;
  if (proposal.status !== 'IN_CONSULTATION' || !closesAt || proposal.consultation?.round !== deadline.round)
    return 'NOTHING_TO_DO';
  if (currentClock().now().getTime() < Date.parse(closesAt)) return 'NOT_YET'; // extended: rescheduled already
  return (await releaseWaitingStep(deadline.proposalId, 'CONSULTATION_CLOSE', { closedAt: closesAt }))
    ? 'RELEASED'
    : 'NOTHING_TO_DO';
};

/** One handler per kind: a new kind fails to compile until it is handled here. */
const handlers: Record<DeadlineKind, DeadlineHandler> = {
  CONSULTATION_CLOSES: consultationCloses,
  COMMENT_DIGEST: commentDigest,
  ...voteDeadlineHandlers,
};

export async function fireDeadline(deadline: DeadlinePayload): Promise<DeadlineOutcome> {
  const found = await proposalRepository.get(deadline.proposalId);
  if (!found) return 'NOTHING_TO_DO';
  return handlers[deadline.kind](found.value, deadline);
}
