/**
 * A review execution that ended without reaching its end, as EventBridge reports it: failed, timed
 * out (a Standard execution lasts at most a year; a callback wait may time out) or aborted (stopped
 * by hand). A step that fails after its retries is recorded by the workflow's own Catch path, which
 * then fails the execution with RECORDED_BY_WORKFLOW; a timeout, a stop, or a failure outside any
 * Catch runs no state of the workflow, so it is recorded here — once per execution, however often
 * EventBridge delivers the event.
 */
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { systemActor } from './actors.ts';
import type { StepInput } from './review-step.ts';

/** The Error of the definition's final Fail state, reached only after the Catch path recorded the stop. */
export const RECORDED_BY_WORKFLOW = 'ReviewStopped';

/** Whether the trail records that this execution of the proposal's review stopped (by either path). */
export async function stoppedRecorded(proposalId: string, executionName: string): Promise<boolean> {
  const events = await proposalRepository.listEvents(proposalId);
  return events.some((e) => e.type === 'REVIEW_STOPPED' && e.detail?.execution === executionName);
}

export interface StoppedExecution {
  executionName: string;
  status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  error?: string;
  cause?: string;
  /** The execution's input: which proposal version and round it reviewed. */
  review: StepInput;
}

export async function recordStoppedReview(
  stopped: StoppedExecution,
): Promise<'RECORDED' | 'ALREADY_RECORDED'> {
  if (stopped.status === 'FAILED' && stopped.error === RECORDED_BY_WORKFLOW) return 'ALREADY_RECORDED';
  const { proposalId, version } = stopped.review;
  if (await stoppedRecorded(proposalId, stopped.executionName)) return 'ALREADY_RECORDED';
  await proposalRepository.appendEvent({
    proposalId,
    at: currentClock().now().toISOString(),
    actor: systemActor,
    type: 'REVIEW_STOPPED',
    proposalVersion: version,
    detail: {
      execution: stopped.executionName,
      status: stopped.status,
      error: stopped.error ?? stopped.status,
      cause: (stopped.cause ?? '').slice(0, 1000),
    },
  });
  return 'RECORDED';
}
