/**
 * What the operator watches: the alarms that notify the alert topic and the one dashboard, in a
 * nested stack of its own.
 *
 * Alarms (each says in its description what it means and what to do; README "Runbook"):
 * - every function: errors and throttles, one alarm each. A route's function has them beside it, in
 *   its route stack (route-stacks.ts), so that each group grows by its own routes' alarms and no one
 *   stack holds two alarms for every function of the service; they are named, so that the
 *   dashboard lists them by ARN without a reference into each stack. The other functions'
 *   (workflow tasks, deadlines, the renderer, the default route) are here;
 * - the HTTP API: 5xx answers and latency;
 * - deadlines: Scheduler target errors and dropped invocations of the deadline group;
 * - mail: the account's SES bounce and complaint rates, below the rates at which SES reviews the account.
 * The workflow's failed, timed-out and aborted executions and the deadline dead-letter queue have
 * their alarms beside what they watch (workflow.ts, deadlines.ts); the dashboard shows them all.
 */
import { ArnFormat, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IAlarm, IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { BUSINESS_COUNTS, METRICS_NAMESPACE } from '#ports/metrics';
import { MAIL_METRIC_DIMENSION } from '../stateful-stack.ts';
import type { Alerts } from './alerts.ts';
import type { ServiceFunction } from './service-function.ts';

export interface OperationsProps {
  serviceName: string;
  alerts: Alerts;
  functions: readonly ServiceFunction[];
  api: HttpApi;
  stateMachines: readonly StateMachine[];
  scheduleGroupName: string;
  /** The alarms made beside what they watch (executions, dead letters), shown on the dashboard too. */
  otherAlarms: readonly Alarm[];
  /** The configuration set every mail goes through; without one the service sends no mail and SES is not watched. */
  mailConfigurationSet?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/** SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate: the operator hears before. */
export const SES_RATE_ALARMS = { bounceRate: 0.04, complaintRate: 0.0008 } as const;

/** p99 latency (ms) of the API over three 5-minute periods above which a person waits too long. */
export const API_LATENCY_P99_MS = 3000;

export class Operations extends NestedStack {
  /** The alarms of this stack (a route function's are beside it, in its route stack). */
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id, { description: `${props.serviceName}: alarms and dashboard` });
    /** The alarms beside the route functions, as the dashboard refers to them: by name. */
    const besideAlarms: IAlarm[] = [];
    const alarm = (alarmId: string, spec: AlarmSpec, scope: Construct = this) => {
      const made = props.alerts.notify(
        new Alarm(scope, alarmId, {
          ...(spec.alarmName ? { alarmName: spec.alarmName } : {}),
          alarmDescription: spec.description,
          metric: spec.metric,
          threshold: spec.threshold ?? 1,
          evaluationPeriods: spec.evaluationPeriods ?? 1,
          comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      if (scope === this) this.alarms.push(made);
      else
        besideAlarms.push(
          Alarm.fromAlarmArn(
            this,
            `${alarmId}Beside`,
            Stack.of(this).formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: spec.alarmName!,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ),
        );
      return made;
    };

    for (const fn of props.functions) {
      // Its path in the stack, e.g. Http/CreateAgency: unique, and what the console shows.
      const where = fn.node.scopes.slice(2).map((c) => c.node.id);
      const what = where.join('/');
      const beside = NestedStack.isNestedStack(Stack.of(fn));
      const scope = beside ? fn : this;
      const named = (kind: string) =>
        beside ? { alarmName: `${props.serviceName}-${where.join('-')}-${kind}` } : {};
      alarm(
        `${where.join('')}Errors`,
        {
          ...named('Errors'),
          description:
            `${what} (${fn.entryPath}) failed. Its log group has the error with the request id; a failed ` +
            'workflow task is retried and then recorded as REVIEW_STOPPED, a failed HTTP request answered 5xx.',
          metric: fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        scope,
      );
      alarm(
        `${where.join('')}Throttles`,
        {
          ...named('Throttles'),
          description:
            `${what} (${fn.entryPath}) was throttled: the account's concurrent executions are exhausted. ` +
            'Raise the Lambda concurrency quota or find the function that takes it.',
          metric: fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        scope,
      );
    }

    alarm('ApiServerErrors', {
      description:
        'The HTTP API answered 5xx: a function failed or timed out (see its own alarm) or API Gateway could ' +
        'not reach it. The access log has the request id and integration error.',
      metric: props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 5,
    });
    alarm('ApiLatency', {
      description:
        `The HTTP API's p99 latency stayed above ${API_LATENCY_P99_MS} ms for 15 minutes: look at the ` +
        "traces (X-Ray) for the slow call, and at the functions' durations.",
      metric: props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      threshold: API_LATENCY_P99_MS,
      evaluationPeriods: 3,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    const scheduler = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Scheduler',
        metricName,
        dimensionsMap: { ScheduleGroup: props.scheduleGroupName },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    alarm('SchedulerTargetErrors', {
      description:
        'EventBridge Scheduler could not invoke the deadline function (permission, throttling or the function ' +
        'missing). Scheduler retries; what it gives up on lands in the deadline dead-letter queue.',
      metric: scheduler('TargetErrorCount'),
    });
    alarm('SchedulerDroppedInvocations', {
      description:
        'EventBridge Scheduler dropped a deadline invocation after its retries. The hourly sweep fires overdue ' +
        'deadlines anyway; check the dead-letter queue and the scheduler role.',
      metric: scheduler('InvocationDroppedCount'),
    });

    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    if (props.mailConfigurationSet) {
      alarm('MailBounceRate', {
        description:
          `The account's SES bounce rate reached ${SES_RATE_ALARMS.bounceRate * 100} % (SES reviews it at 5 %). ` +
          'Bounced addresses are suppressed already; look for a list of bad addresses (a campaign of comments).',
        metric: ses('Reputation.BounceRate'),
        threshold: SES_RATE_ALARMS.bounceRate,
      });
      alarm('MailComplaintRate', {
        description:
          `The account's SES complaint rate reached ${SES_RATE_ALARMS.complaintRate * 100} % (SES reviews it at ` +
          '0.1 %). Complaining addresses are suppressed already; read which mails draw complaints.',
        metric: ses('Reputation.ComplaintRate'),
        threshold: SES_RATE_ALARMS.complaintRate,
      });
    }

    const count = (metricName: string): IMetric =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: props.serviceName },
        period: Duration.hours(1),
        statistic: 'Sum',
      });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        // A status widget shows at most 100 alarms.
        chunks([...props.otherAlarms, ...this.alarms, ...besideAlarms], 100).map(
          (alarms, i) => new AlarmStatusWidget({ title: `Alarms (${i + 1})`, alarms, width: 24, height: 6 }),
        ),
        [
          new GraphWidget({
            title: 'Business counts (per hour)',
            left: Object.values(BUSINESS_COUNTS).map(count),
            width: 12,
          }),
          new GraphWidget({
            title: 'HTTP API',
            left: [
              props.api.metricCount({ period: FIVE_MINUTES }),
              props.api.metricClientError({ period: FIVE_MINUTES }),
              props.api.metricServerError({ period: FIVE_MINUTES }),
            ],
            right: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Review executions',
            left: props.stateMachines.flatMap((m) => [
              m.metricStarted(),
              m.metricSucceeded(),
              m.metricFailed(),
              m.metricTimedOut(),
              m.metricAborted(),
            ]),
            width: 8,
          }),
          new GraphWidget({
            title: 'Deadlines',
            left: [scheduler('TargetErrorCount'), scheduler('InvocationDroppedCount')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Mail (SES)',
            left: ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject'].map(
              (metricName) =>
                new Metric({
                  namespace: 'AWS/SES',
                  metricName,
                  dimensionsMap: { [MAIL_METRIC_DIMENSION]: props.mailConfigurationSet ?? 'none' },
                  period: Duration.hours(1),
                  statistic: 'Sum',
                }),
            ),
            right: [ses('Reputation.BounceRate'), ses('Reputation.ComplaintRate')],
            width: 8,
          }),
        ],
      ],
    });
  }
}

interface AlarmSpec {
  /** Only where the dashboard refers to the alarm by name (beside a route's function). */
  alarmName?: string;
  description: string;
  metric: IMetric;
  threshold?: number;
  evaluationPeriods?: number;
  comparison?: ComparisonOperator;
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
