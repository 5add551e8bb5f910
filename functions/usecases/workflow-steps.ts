/**
 * Parking and releasing workflow steps that wait for something to happen. A waiting step stores
 * its task token on the proposal (never shown, never logged); whoever sees the condition met
 * releases it. Both sides may race to release: the loser's call finds no waiting task, which is fine.
 */
import type { WaitingStep } from '#domain/records';
import { completeTask } from '#ports/workflow';
import { proposalRepository } from '#ports/proposal-repository';
import { systemActor } from './actors.ts';
import { updateProposal } from './update-proposal.ts';

/** What a waiting step is released with when the agency withdraws the proposal; the workflow then ends. */
export const WITHDRAWN_OUTPUT = { withdrawn: true } as const;

/**
 * Stores the step's token on the proposal. When the proposal was withdrawn already, the step is
 * released at once with WITHDRAWN_OUTPUT and false is returned: the step has nothing to wait for.
 * (The token is written conditionally on the revision read, so a withdrawal either comes before
 * it — seen here — or after it, and then finds the token to release.)
 */
export async function parkStep(
  ref: { proposalId: string; version: number; round: number },
  step: WaitingStep,
  taskToken: string,
): Promise<boolean> {
  const { proposal } = await updateProposal(ref.proposalId, (current, now) => ({
    next: {
      ...current,
      workflow: {
        executionName: current.workflow?.executionName ?? '',
        waiting: { step, taskToken, since: now.toISOString(), version: ref.version, round: ref.round },
      },
    },
  }));
  if (proposal.status !== 'WITHDRAWN') return true;
  await releaseWaitingStep(ref.proposalId, step, WITHDRAWN_OUTPUT, REVIEW_ENDED_ON_WITHDRAWAL);
  return false;
}

/** The trail's event when a withdrawal released the review's waiting step. */
export const REVIEW_ENDED_ON_WITHDRAWAL = 'REVIEW_ENDED_ON_WITHDRAWAL';

/** Ends the review of a withdrawn proposal: releases whichever step its workflow is parked on, if any. */
export async function endReviewOnWithdrawal(proposalId: string): Promise<void> {
  const waiting = (await proposalRepository.get(proposalId))?.value.workflow?.waiting;
  if (waiting)
    await releaseWaitingStep(proposalId, waiting.step, WITHDRAWN_OUTPUT, REVIEW_ENDED_ON_WITHDRAWAL);
}

/** Releases the step if the proposal is parked on it; returns whether a waiting task was completed. */
export async function releaseWaitingStep(
  proposalId: string,
  step: WaitingStep,
  output: Record<string, unknown>,
  eventType = `STEP_RELEASED_${step}`,
): Promise<boolean> {
  const found = await proposalRepository.get(proposalId);
  const waiting = found?.value.workflow?.waiting;
  if (!waiting || waiting.step !== step) return false;
  const completed = await completeTask(waiting.taskToken, output);
  await updateProposal(proposalId, (current) => {
    if (current.workflow?.waiting?.taskToken !== waiting.taskToken) return undefined;
    const { waiting: _done, ...workflow } = current.workflow;
    return {
      next: { ...current, workflow },
      event: completed ? { type: eventType, actor: systemActor } : undefined,
    };
  });
  return completed;
}
