/**
 * One Step Functions workflow from one `workflows/<name>.asl.json`, the file the local runner executes
 * too. Each `${XxxFunctionArn}` placeholder names a task function; this construct creates one function
 * per placeholder (through the caller's factory, which binds what the function uses), substitutes its
 * ARN, and lets the state machine invoke exactly those functions. A placeholder without a function, or
 * a function no placeholder asks for, stops the synth.
 *
 * The machine has a fixed name so that its ARN is known before it exists: functions that start
 * executions or complete callbacks (task functions among them) get that ARN without a circular
 * dependency between the machine (which needs their ARNs) and them (which need its ARN).
 */
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { placeholders } from '../../../workflows/load.ts';
import { PROJECT_ROOT } from './service-function.ts';
import type { ServiceFunction } from './service-function.ts';

export interface WorkflowProps {
  /** The definition, relative to the project root (`workflows/<name>.asl.json`). */
  definitionFile: string;
  stateMachineName: string;
  /** Placeholder name → handler entry, e.g. `reviewTaskFunctions`. */
  tasks: Readonly<Record<string, string>>;
  /** Makes (and binds) the function for one task. */
  makeFunction: (scope: Construct, id: string, entry: string) => ServiceFunction;
  logRetention: RetentionDays;
}

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

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const file = path.join(PROJECT_ROOT, props.definitionFile);
    const wanted = placeholders(readFileSync(file, 'utf8'));
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
      tasks.set(placeholder, props.makeFunction(this, taskId(placeholder), entry));
    }
    this.taskFunctions = tasks;

    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention,
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
  }
}
