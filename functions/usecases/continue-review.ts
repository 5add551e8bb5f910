/**
 * Workflow step "Continue the review in a new execution". A Standard execution lasts at most a
 * year, so no wait of the review holds longer than its bound (TimeoutSeconds of the waiting
 * states); when one reaches it, the review goes on in a new execution that enters the same
 * waiting step (continue as new). That step stores its new task token and completes at once if
 * what it waits for happened meanwhile, so a deadline or an answer that came while the old wait
 * handed over is not lost: it found a timed-out token, and the new step sees what it did.
 */
import type { ReviewPhase } from '#domain/review-phase';
import { reviewExecutionName, startReview, type ReviewRef } from '#ports/workflow';
import { loadProposal, type StepInput } from './review-step.ts';
import { updateProposal } from './update-proposal.ts';
import { reviewStartOf } from './review-start.ts';

export async function continueReview(input: StepInput & { execution: ReviewRef; phase: ReviewPhase }) {
  const current = input.execution;
  // Only the execution the proposal names goes on: a newer one (a resubmitted version, or this
  // step's own earlier try that was recorded) has taken over.
  const recorded = (await loadProposal(input)).workflow?.executionName;
  if (recorded && recorded !== reviewExecutionName(current)) return { continuedIn: recorded };
  const next: ReviewRef = { ...current, startWith: input.phase, part: (current.part ?? 1) + 1 };
  // Started first, then recorded: a retry starts the same name with the same input, which is harmless.
  const name = await startReview(next);
  await updateProposal(input.proposalId, (proposal) => {
    if (proposal.workflow?.executionName !== reviewExecutionName(current)) return undefined;
    return {
      next: {
        ...proposal,
        workflow: { ...proposal.workflow, executionName: name, start: reviewStartOf(next) },
      },
    };
  });
  return { continuedIn: name };
}
