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

export async function parkStep(
  ref: { proposalId: string; version: number; round: number },
  step: WaitingStep,
  taskToken: string,
): Promise<void> {
  await updateProposal(ref.proposalId, (current, now) => ({
    next: {
      ...current,
      workflow: {
        executionName: current.workflow?.executionName ?? '',
        waiting: { step, taskToken, since: now.toISOString(), version: ref.version, round: ref.round },
      },
    },
  }));
}

/** Releases the step if the proposal is parked on it; returns whether a waiting task was completed. */
export async function releaseWaitingStep(
  proposalId: string,
  step: WaitingStep,
  output: Record<string, unknown>,
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
      event: completed ? { type: `STEP_RELEASED_${step}`, actor: systemActor } : undefined,
    };
  });
  return completed;
}
