/** Workflow step "Record that the review stopped": the audit trail says which step failed and why. */
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { systemActor } from './actors.ts';
import type { StepInput } from './review-step.ts';

export async function recordReviewFailure(
  input: StepInput & { execution?: string; failure?: { Error?: string; Cause?: string } },
) {
  await proposalRepository.appendEvent({
    proposalId: input.proposalId,
    at: currentClock().now().toISOString(),
    actor: systemActor,
    type: 'REVIEW_STOPPED',
    proposalVersion: input.version,
    detail: {
      ...(input.execution ? { execution: input.execution } : {}),
      error: input.failure?.Error ?? 'unknown',
      cause: (input.failure?.Cause ?? '').slice(0, 1000),
    },
  });
  return { recorded: true };
}
