import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_COUNTS, METRICS_NAMESPACE } from '#ports/metrics';
import { API_LATENCY_P99_MS } from '../../infra/aws/constructs/operations.ts';
import type { Service } from '../../infra/aws/service.ts';
import { referencedId, resources, synthesizeService } from './support.ts';
import type { Resource } from './support.ts';

let stateless: Template;
let operations: Template;
let service: Service;
/** The alarms of the operations stack, with the parent's resource each parameter stands for resolved. */
let alarms: Resource[];
/** The alarms beside the route functions, in their route stacks (read merged into the parent). */
let besideAlarms: Resource[];
let topicParameter: string;

beforeAll(() => {
  ({ stateless, service } = synthesizeService());
  operations = Template.fromStack(service.stateless.operations);
  alarms = resources(operations, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm);
  besideAlarms = resources(stateless, 'AWS::CloudWatch::Alarm')
    .map(([, alarm]) => alarm)
    .filter((a) => a.Properties.Namespace === 'AWS/Lambda');
  const [, nested] = resources(stateless, 'AWS::CloudFormation::Stack')[0]!;
  const passed = nested.Properties.Parameters as Record<string, unknown>;
  const topicId = resources(stateless, 'AWS::SNS::Topic')[0]![0];
  topicParameter = Object.keys(passed).find((name) => referencedId(passed[name]) === topicId)!;
  // Parameters of the nested stack → the parent's logical id they carry.
  parentOf = (value) => {
    const name = referencedId(value);
    return name && name in passed ? referencedId(passed[name]) : undefined;
  };
});
let parentOf: (value: unknown) => string | undefined;

const dimension = (alarm: Resource, name: string) =>
  (alarm.Properties.Dimensions ?? []).find((d: { Name: string }) => d.Name === name)?.Value;

function alarmsOn(namespace: string, metricName: string): Resource[] {
  return alarms.filter((a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metricName);
}

describe('the operator is told', () => {
  it('of every function’s errors and throttles, one alarm each', () => {
    const functionIds = resources(stateless, 'AWS::Lambda::Function').map(([id]) => id);
    for (const metric of ['Errors', 'Throttles']) {
      const beside = besideAlarms.filter((a) => a.Properties.MetricName === metric);
      const watched = [
        ...alarmsOn('AWS/Lambda', metric).map((a) => parentOf(dimension(a, 'FunctionName'))),
        ...beside.map((a) => referencedId(dimension(a, 'FunctionName'))),
      ];
      expect(watched.sort(), metric).toEqual([...functionIds].sort());
      for (const alarm of [...alarmsOn('AWS/Lambda', metric), ...beside])
        expect(alarm.Properties, metric).toMatchObject({
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        });
    }
  });

  it('of the HTTP API’s 5xx answers and of a p99 latency above the budget for 15 minutes', () => {
    const apiId = resources(stateless, 'AWS::ApiGatewayV2::Api')[0]![0];
    const [errors] = alarmsOn('AWS/ApiGateway', '5xx');
    expect(parentOf(dimension(errors!, 'ApiId'))).toBe(apiId);
    expect(errors!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 5 });
    const [latency] = alarmsOn('AWS/ApiGateway', 'Latency');
    expect(parentOf(dimension(latency!, 'ApiId'))).toBe(apiId);
    expect(latency!.Properties).toMatchObject({
      ExtendedStatistic: 'p99',
      Threshold: API_LATENCY_P99_MS,
      EvaluationPeriods: 3,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('of Scheduler’s target errors and dropped invocations in the deadline group', () => {
    const group = service.stateless.deadlines.scheduling.groupName;
    for (const metric of ['TargetErrorCount', 'InvocationDroppedCount']) {
      const found = alarmsOn('AWS/Scheduler', metric);
      expect(found, metric).toHaveLength(1);
      expect(dimension(found[0]!, 'ScheduleGroup')).toBe(group);
    }
  });

  it('through the alert topic, when an alarm fires and when it recovers', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription).toEqual([
        { Ref: topicParameter },
      ]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicParameter }]);
      expect(alarm.Properties.AlarmDescription.length).toBeGreaterThan(40);
    }
    const [[topicId]] = resources(stateless, 'AWS::SNS::Topic') as [[string, Resource]];
    expect(besideAlarms.length).toBeGreaterThan(0);
    for (const alarm of besideAlarms) {
      expect(alarm.Properties.AlarmActions.map(referencedId), alarm.Properties.AlarmName).toEqual([topicId]);
      expect(alarm.Properties.OKActions.map(referencedId)).toEqual([topicId]);
      expect(alarm.Properties.AlarmDescription.length).toBeGreaterThan(40);
    }
  });

  it('without SES rate alarms when the service sends no mail', () => {
    expect(alarms.filter((a) => a.Properties.Namespace === 'AWS/SES')).toEqual([]);
  });
});

describe('the dashboard', () => {
  it('is one, and shows every alarm and the business counts of the service', () => {
    const dashboards = resources(operations, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]![1].Properties.DashboardBody);
    for (const name of Object.values(BUSINESS_COUNTS)) expect(body).toContain(`\\"${name}\\"`);
    expect(body).toContain(`\\"${METRICS_NAMESPACE}\\"`);
    for (const [id] of resources(operations, 'AWS::CloudWatch::Alarm'))
      expect(body).toContain(`"${id}","Arn"`);
    // The route functions' alarms, by the name each is given.
    const names = besideAlarms.map((a) => a.Properties.AlarmName as string);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(body).toContain(`:alarm:${name}`);
    // The alarms made beside what they watch (stopped executions, dead letters), passed in from the parent.
    const parentAlarms = resources(stateless, 'AWS::CloudWatch::Alarm')
      .filter(([, a]) => a.Properties.Namespace !== 'AWS/Lambda')
      .map(([id]) => id);
    expect(parentAlarms).toHaveLength(4);
    const passedIn = JSON.stringify(
      resources(stateless, 'AWS::CloudFormation::Stack')[0]![1].Properties.Parameters,
    );
    for (const id of parentAlarms) expect(passedIn).toContain(`"${id}","Arn"`);
  });
});
