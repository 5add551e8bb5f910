/** Workflow step "Wait for every comment to be answered": released by the last disposition. */
import { loadProposal, type StepInput } from './review-step.ts';
import { anyUnanswered } from './round-comments.ts';
import { parkStep, releaseWaitingStep } from './workflow-steps.ts';

export async function awaitDispositions(input: StepInput & { taskToken: string }) {
  if (!(await parkStep(input, 'DISPOSITIONS', input.taskToken))) return { parked: false };
  const proposal = await loadProposal(input);
  if (proposal.status !== 'AWAITING_RESPONSES' || !(await anyUnanswered(input.proposalId, input.round))) {
    await releaseWaitingStep(input.proposalId, 'DISPOSITIONS', { answered: true });
  }
  return { parked: true };
}
