/**
 * One Step Functions workflow from one `workflows/<name>.asl.json`, the file the local runner executes
 * too. Each `${XxxFunctionArn}` placeholder names a task function; this construct creates one function
 * per placeholder (through the caller's factory, which binds what the function uses), substitutes its
 * ARN, and lets the state machine invoke exactly those functions. A placeholder without a function, or
 * a function no placeholder asks for, stops the synth.
 *
 * No execution stops unseen: an EventBridge rule on the machine's status changes (FAILED, TIMED_OUT,
 * ABORTED) invokes the `stoppedEntry` function, which records the stop in the audit trail, and alarms
 * on failed, timed-out and aborted executions notify the operator topic.
 *
 * The machine has a fixed name so that its ARN is known before it exists: functions that start
 * executions or complete callbacks (task functions among them) get that ARN without a circular
 * dependency between the machine (which needs their ARNs) and them (which need its ARN).
 */
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { placeholders, taskTimeoutSeconds } from '../../../workflows/load.ts';
import type { Alerts } from './alerts.ts';
import { PROJECT_ROOT } from './service-function.ts';
import type { ServiceFunction } from './service-function.ts';

export interface WorkflowProps {
  /** The definition, relative to the project root (`workflows/<name>.asl.json`). */
  definitionFile: string;
  stateMachineName: string;
  /** Placeholder name → handler entry, e.g. `reviewTaskFunctions`. */
  tasks: Readonly<Record<string, string>>;
  /**
   * Makes (and binds) the function for one task; `stateTimeoutSeconds` is the `TimeoutSeconds` the
   * definition gives the states that invoke it, if any.
   */
  makeFunction: (
    scope: Construct,
    id: string,
    entry: string,
    stateTimeoutSeconds?: number,
  ) => ServiceFunction;
  logRetention: RetentionDays;
  /** Handler entry that records an execution that failed, timed out or was aborted. */
  stoppedEntry: string;
  alerts: Alerts;
}

/** The execution statuses that end a review without its end state. */
export const STOPPED_STATUSES = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** The ARN a state machine of this name will have in this stack's account and region. */
export function stateMachineArn(scope: Construct, stateMachineName: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** `PublishConsultationNoticeFunctionArn` → `PublishConsultationNotice`. */
const taskId = (placeholder: string) => placeholder.replace(/FunctionArn$/, '');

export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  /** Known at synth time (constructed from the fixed name), usable before the machine exists. */
  readonly arn: string;
  /** Placeholder name → its task function. */
  readonly taskFunctions: ReadonlyMap<string, ServiceFunction>;
  readonly stoppedRecorder: ServiceFunction;
  readonly stoppedAlarms: Alarm[];

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const file = path.join(PROJECT_ROOT, props.definitionFile);
    const definition = readFileSync(file, 'utf8');
    const wanted = placeholders(definition);
    const given = Object.keys(props.tasks);
    const missing = wanted.filter((name) => !given.includes(name));
    const unused = given.filter((name) => !wanted.includes(name));
    if (missing.length || unused.length) {
      throw new Error(
        `${props.definitionFile}: ` +
          [
            missing.length ? `no task function for \${${missing.join('}, ${')}}` : '',
            unused.length ? `task functions no state uses: ${unused.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
      );
    }

    this.arn = stateMachineArn(this, props.stateMachineName);
    const tasks = new Map<string, ServiceFunction>();
    for (const [placeholder, entry] of Object.entries(props.tasks)) {
      tasks.set(
        placeholder,
        props.makeFunction(this, taskId(placeholder), entry, taskTimeoutSeconds(definition, placeholder)),
      );
    }
    this.taskFunctions = tasks;

    // A generated name, not a fixed one: the group is retained when the stack is deleted, and a
    // fixed name would make the next deployment of the stack fail on the group left behind.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(file),
      definitionSubstitutions: Object.fromEntries(
        [...tasks].map(([placeholder, fn]) => [placeholder, fn.functionArn]),
      ),
      tracingEnabled: true,
      // Execution data stays out of the logs: task inputs carry callback tokens, which must never be logged.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    // Exactly the unqualified ARNs the definition names: no versions, aliases or other functions.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...tasks.values()].map((fn) => fn.functionArn),
      }),
    );
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by CDK for X-Ray tracing and CloudWatch Logs delivery of the state machine: xray:Put* and ' +
        'logs:*LogDelivery*/DescribeLogGroups/Describe*Policies do not support resource-level permissions.',
    });

    this.stoppedRecorder = props.makeFunction(this, 'RecordStoppedExecution', props.stoppedEntry);
    new Rule(this, 'StoppedExecutions', {
      description: `Records every ${props.stateMachineName} execution that failed, timed out or was aborted`,
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { status: [...STOPPED_STATUSES], stateMachineArn: [this.arn] },
      },
      targets: [
        new LambdaFunction(this.stoppedRecorder.fn, { retryAttempts: 8, maxEventAge: Duration.hours(24) }),
      ],
    });
    const machine = this.stateMachine;
    const stopped: [string, Metric, string][] = [
      ['Failed', machine.metricFailed(), 'failed'],
      ['TimedOut', machine.metricTimedOut(), 'timed out'],
      ['Aborted', machine.metricAborted(), 'was aborted'],
    ];
    this.stoppedAlarms = stopped.map(([id, metric, what]) =>
      props.alerts.notify(
        new Alarm(this, `Executions${id}`, {
          alarmDescription:
            `A ${props.stateMachineName} execution ${what}: its proposal's audit trail has a REVIEW_STOPPED ` +
            'event with the cause; fix the cause, then restart the review.',
          metric: metric.with({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      ),
    );
  }
}
