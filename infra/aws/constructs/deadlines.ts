/**
 * Deadlines on AWS: one EventBridge Scheduler group that holds the service's one-time schedules, the
 * deadline function they invoke, and the role Scheduler assumes to invoke it (that function and nothing
 * else). Functions that schedule deadlines receive `scheduling` through `ServiceFunction.bindDeadlines`.
 *
 * The deadline function has a fixed name so its ARN is known up front: whoever schedules (the deadline
 * function itself included, when one deadline schedules the next) can be given the target ARN without a
 * dependency on the function resource.
 */
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import type { DeadlineScheduling, ServiceFunction } from './service-function.ts';

export interface DeadlinesProps {
  groupName: string;
  deadlineFunctionName: string;
  deadlineFunctionEntry: string;
  makeFunction: (scope: Construct, id: string, entry: string, functionName: string) => ServiceFunction;
}

export class Deadlines extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadlineFunction: ServiceFunction;
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
      // Only schedules of this account's deadline group may use the role (confused-deputy guard).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: `${props.groupName}/*`,
            }),
          },
        },
      }),
      maxSessionDuration: Duration.hours(1),
    });
    this.schedulerRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [deadlineFunctionArn] }),
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
    };
    this.deadlineFunction = props.makeFunction(
      this,
      'FireDeadline',
      props.deadlineFunctionEntry,
      props.deadlineFunctionName,
    );
  }
}
