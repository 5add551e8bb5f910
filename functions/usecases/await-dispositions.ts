/** Workflow step "Wait for every comment to be answered": released by the last disposition. */
import { undisposedComments } from '#domain/consultation';
import { proposalRepository } from '#ports/proposal-repository';
import { loadProposal, type StepInput } from './review-step.ts';
import { parkStep, releaseWaitingStep } from './workflow-steps.ts';

export async function awaitDispositions(input: StepInput & { taskToken: string }) {
  await parkStep(input, 'DISPOSITIONS', input.taskToken);
  const proposal = await loadProposal(input);
  const comments = (await proposalRepository.listComments(input.proposalId)).filter(
    (c) => c.round === input.round,
  );
  if (proposal.status !== 'AWAITING_RESPONSES' || undisposedComments(comments).length === 0) {
    await releaseWaitingStep(input.proposalId, 'DISPOSITIONS', { answered: true });
  }
  return { parked: true };
}
