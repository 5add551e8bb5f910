/**
 * Workflow step "Wait for the vote to be decided": parks its token, then checks once itself —
 * the deciding vote, or the deadline, may have come before the token was stored (or while an
 * earlier execution's wait handed over to this one, when the deadline found no token to release).
 */
import { extendsAtDeadline } from '#domain/vote-tally';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { currentTally } from './vote-tally.ts';
import { parkStep, releaseWaitingStep } from './workflow-steps.ts';

export async function awaitVote(input: {
  proposalId: string;
  version: number;
  round: number;
  taskToken: string;
}) {
  if (!(await parkStep(input, 'VOTE', input.taskToken))) return { parked: false };
  const proposal = (await proposalRepository.get(input.proposalId))?.value;
  const review = proposal?.review;
  if (!proposal || !review || review.version !== input.version) {
    await releaseWaitingStep(input.proposalId, 'VOTE', { outcome: 'NO_QUORUM' });
    return { parked: true };
  }
  const deadlinePassed = currentClock().now().getTime() >= Date.parse(review.deadline);
  const { tally } = await currentTally(input.proposalId, review, deadlinePassed);
  // A deadline that passed without a quorum moves once more: that is the deadline's to do, not ours.
  if (tally.final && tally.outcome && !(deadlinePassed && extendsAtDeadline(tally, review)))
    await releaseWaitingStep(input.proposalId, 'VOTE', { outcome: tally.outcome });
  // Otherwise the vote deadline releases it; a deadline already past fires at the scheduler's next pass.
  return { parked: true };
}
