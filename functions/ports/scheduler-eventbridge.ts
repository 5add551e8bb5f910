/**
 * Deadlines on AWS: one EventBridge Scheduler one-time schedule per deadline, in the service's
 * schedule group, invoking the deadline function with the payload. Schedules delete themselves
 * after they fire; moving a deadline updates the schedule of the same name.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { requireEnv } from './config.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

const client = new SchedulerClient({ maxAttempts: 4 });

/** Scheduler's at() takes local date-time without zone; UTC is stated separately. */
const atExpression = (iso: string) => `at(${new Date(iso).toISOString().slice(0, 19)})`;

export class EventBridgeScheduler implements Scheduler {
  private readonly group = requireEnv('SCHEDULE_GROUP_NAME');
  private readonly targetArn = requireEnv('DEADLINE_FUNCTION_ARN');
  private readonly roleArn = requireEnv('SCHEDULER_ROLE_ARN');

  async schedule(deadline: Deadline): Promise<void> {
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
      },
    };
    try {
      await client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      await client.send(new UpdateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    try {
      await client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.group }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
