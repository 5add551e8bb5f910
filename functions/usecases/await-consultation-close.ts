/** Workflow step "Wait for the consultation to close": parks the token and schedules the closing deadline. */
import { currentClock } from '#ports/clock';
import { deadlineName } from '#ports/scheduler';
import { scheduler } from '#ports/adapters';
import { loadProposal, superseded, type StepInput } from './review-step.ts';
import { parkStep, releaseWaitingStep } from './workflow-steps.ts';

export async function awaitConsultationClose(input: StepInput & { taskToken: string }) {
  const proposal = await loadProposal(input);
  if (!(await parkStep(input, 'CONSULTATION_CLOSE', input.taskToken))) return { parked: false };
  const closesAt = proposal.consultation!.closesAt;
  const payload = {
    kind: 'CONSULTATION_CLOSES' as const,
    proposalId: input.proposalId,
    version: input.version,
    round: input.round,
  };
  await (await scheduler()).schedule({ name: deadlineName(payload), at: closesAt, payload });
  // Already past (a re-run after a restart, or a deadline that fired before the token was stored).
  if (
    proposal.status !== 'IN_CONSULTATION' ||
    superseded(proposal, input) ||
    currentClock().now().getTime() >= Date.parse(closesAt)
  ) {
    await releaseWaitingStep(input.proposalId, 'CONSULTATION_CLOSE', { closedAt: closesAt });
  }
  return { parked: true };
}
