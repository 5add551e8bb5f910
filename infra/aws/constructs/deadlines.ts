/**
 * Deadlines on AWS: one EventBridge Scheduler group that holds the service's one-time schedules, the
 * deadline function they invoke, and the role Scheduler assumes to invoke it (that function and nothing
 * else). Functions that schedule deadlines receive `scheduling` through `ServiceFunction.bindDeadlines`.
 *
 * Nothing is lost silently: an invocation Scheduler gives up on, and an asynchronous invocation of the
 * deadline function that keeps failing, land in one dead-letter queue whose depth raises an alarm;
 * and every hour a sweep fires the deadlines that are overdue anyway (usecases/sweep-deadlines.ts).
 *
 * The deadline function has a fixed name so its ARN is known up front: whoever schedules (the deadline
 * function itself included, when one deadline schedules the next) can be given the target ARN without a
 * dependency on the function resource.
 */
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Alerts } from './alerts.ts';
import type { DeadlineScheduling, ServiceFunction } from './service-function.ts';

export interface DeadlinesProps {
  groupName: string;
  deadlineFunctionName: string;
  deadlineFunctionEntry: string;
  /** The hourly sweep of overdue deadlines. */
  sweepEntry: string;
  alerts: Alerts;
  makeFunction: (scope: Construct, id: string, entry: string, functionName?: string) => ServiceFunction;
}

export class Deadlines extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadlineFunction: ServiceFunction;
  readonly sweepFunction: ServiceFunction;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly scheduling: DeadlineScheduling;

  constructor(scope: Construct, id: string, props: DeadlinesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: props.groupName });
    const deadlineFunctionArn = stack.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: props.deadlineFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to invoke the deadline function',
      // Confused-deputy guard as Scheduler's documentation gives it: the schedule group's ARN and
      // the account (Scheduler presents the group, not the schedule, as the source).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: props.groupName,
            }),
          },
        },
      }),
      maxSessionDuration: Duration.hours(1),
    });
    this.schedulerRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [deadlineFunctionArn] }),
    );

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the deadline schedules and of the deadline function; ' +
        'its depth raises an alarm and an operator reads it.',
    });
    this.schedulerRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );

    this.scheduling = {
      groupName: props.groupName,
      schedulesArn: stack.formatArn({
        service: 'scheduler',
        resource: 'schedule',
        resourceName: `${props.groupName}/*`,
      }),
      deadlineFunctionArn,
      schedulerRoleArn: this.schedulerRole.roleArn,
      deadLetterQueueArn: this.deadLetterQueue.queueArn,
    };
    this.deadlineFunction = props.makeFunction(
      this,
      'FireDeadline',
      props.deadlineFunctionEntry,
      props.deadlineFunctionName,
    );
    // Asynchronous invocations (Scheduler's, and deadlines fired at once) that fail twice more go to the queue.
    this.deadlineFunction.fn.configureAsyncInvoke({
      onFailure: new SqsDestination(this.deadLetterQueue),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });

    this.sweepFunction = props.makeFunction(this, 'SweepDeadlines', props.sweepEntry);
    new Rule(this, 'HourlySweep', {
      description: 'Fires deadlines that are overdue because their own schedule did not',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(this.sweepFunction.fn, { retryAttempts: 2 })],
    });

    this.deadLetterAlarm = props.alerts.notify(
      new Alarm(this, 'DeadLettersWaiting', {
        alarmDescription:
          'A deadline invocation failed for good and waits in the deadline dead-letter queue: read the message, ' +
          'fix the cause, and let the hourly sweep (or a manual invocation of the deadline function) fire it.',
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
