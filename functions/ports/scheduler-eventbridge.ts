/**
 * Deadlines on AWS: one EventBridge Scheduler one-time schedule per deadline, in the service's
 * schedule group, invoking the deadline function with the payload. Schedules delete themselves
 * after they fire; moving a deadline updates the schedule of the same name. An invocation that
 * still fails after the retry policy goes to the deadline dead-letter queue (alarmed).
 * A deadline already due (an effective date that passed during the review) is not scheduled in the
 * past, which Scheduler may refuse: the deadline function is invoked at once, asynchronously, so
 * its failures reach the same queue through the function's on-failure destination.
 * Throttles and service faults become ServiceUnavailableError, which the workflow retries.
 */
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { isAwsError, rethrowAsUnavailable } from './aws-faults.ts';
import { currentClock } from './clock.ts';
import { requireEnv } from './config.ts';
import { traced } from './tracing.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

const client = traced(new SchedulerClient({ maxAttempts: 4 }));
const lambda = traced(new LambdaClient({ maxAttempts: 4 }));

/** A deadline due within this is fired now rather than scheduled (at() has minute precision). */
const FIRE_AT_ONCE_WITHIN_MS = 60_000;
const WHAT = 'Deadline scheduling';

/** Scheduler's at() takes local date-time without zone; UTC is stated separately. */
const atExpression = (iso: string) => `at(${new Date(iso).toISOString().slice(0, 19)})`;

export class EventBridgeScheduler implements Scheduler {
  private readonly group = requireEnv('SCHEDULE_GROUP_NAME');
  private readonly targetArn = requireEnv('DEADLINE_FUNCTION_ARN');
  private readonly roleArn = requireEnv('SCHEDULER_ROLE_ARN');
  private readonly deadLetterArn = requireEnv('DEADLINE_DLQ_ARN');

  async schedule(deadline: Deadline): Promise<void> {
    if (Date.parse(deadline.at) <= currentClock().now().getTime() + FIRE_AT_ONCE_WITHIN_MS) {
      await this.cancel(deadline.name); // an earlier schedule of this name must not fire it again
      await this.fireNow(deadline);
      return;
    }
    const input: CreateScheduleCommandInput = {
      Name: deadline.name,
      GroupName: this.group,
      ScheduleExpression: atExpression(deadline.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: this.targetArn,
        RoleArn: this.roleArn,
        Input: JSON.stringify(deadline.payload),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
        DeadLetterConfig: { Arn: this.deadLetterArn },
      },
    };
    try {
      try {
        await client.send(new CreateScheduleCommand(input));
      } catch (error) {
        if (!isAwsError(error, 'ConflictException')) throw error;
        await client.send(new UpdateScheduleCommand(input));
      }
    } catch (error) {
      rethrowAsUnavailable(error, WHAT);
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.group }));
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) rethrowAsUnavailable(error, WHAT);
    }
  }

  private async fireNow(deadline: Deadline): Promise<void> {
    try {
      await lambda.send(
        new InvokeCommand({
          FunctionName: this.targetArn,
          InvocationType: 'Event',
          Payload: Buffer.from(JSON.stringify(deadline.payload), 'utf8'),
        }),
      );
    } catch (error) {
      rethrowAsUnavailable(error, WHAT);
    }
  }
}
