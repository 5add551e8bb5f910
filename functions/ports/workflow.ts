/**
 * The review workflow as the handlers see it: start a review of one proposal version, and
 * complete the callback a workflow step is waiting on. Plain Step Functions API calls; locally
 * AWS_ENDPOINT_URL_SFN points the same client at the local workflow runtime.
 * Task tokens are passed through, never logged.
 */
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { isAwsError, rethrowAsUnavailable } from './aws-faults.ts';
import type { ReviewStart } from '#domain/records';
import { requireEnv } from './config.ts';
import { traced } from './tracing.ts';

let client: SFNClient | undefined;
const WHAT = 'The review workflow';
/** The token no longer waits: completed by a racing request, timed out, or from before a restart. */
const tokenNotWaiting = (error: unknown) =>
  ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'].some((name) => isAwsError(error, name));
const sfn = () => (client ??= traced(new SFNClient({ maxAttempts: 4 })));

/** What a review execution is started with (records.ts ReviewStart) and for which proposal. */
export interface ReviewRef extends ReviewStart {
  proposalId: string;
}

/**
 * One execution per proposal version, round, attempt and part; starting it again is harmless.
 * The first part of the first attempt keeps the plain name; `-a2` names a restart, `-p2` a
 * continuation (e.g. `fp-1-v1-r1-a2-p3`).
 */
export function reviewExecutionName(ref: Omit<ReviewRef, 'startWith'>): string {
  const attempt = (ref.attempt ?? 1) > 1 ? `-a${ref.attempt}` : '';
  const part = (ref.part ?? 1) > 1 ? `-p${ref.part}` : '';
  return `${ref.proposalId}-v${ref.version}-r${ref.round}${attempt}${part}`;
}

export async function startReview(ref: ReviewRef): Promise<string> {
  const name = reviewExecutionName(ref);
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: requireEnv('REVIEW_STATE_MACHINE_ARN'),
        name,
        input: JSON.stringify(ref),
      }),
    );
  } catch (error) {
    // The same name with the same input returns the running execution; anything else with this
    // name means the review already ran, which is just as good for an idempotent start.
    if (!isAwsError(error, 'ExecutionAlreadyExists')) rethrowAsUnavailable(error, WHAT);
  }
  return name;
}

/**
 * Completes a waiting step. Returns false when the token is no longer waiting (already completed
 * by a racing request, timed out, or from before a restart): that is an expected outcome.
 */
export async function completeTask(taskToken: string, output: unknown): Promise<boolean> {
  try {
    await sfn().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (tokenNotWaiting(error)) return false;
    rethrowAsUnavailable(error, WHAT);
  }
}

/** For tests and the local runtime, which change the endpoint after a client was built. */
export function resetWorkflowClient(): void {
  client = undefined;
}
