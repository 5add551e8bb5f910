import type { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodsOf, routes } from '#http/routes';
import { isBearerAccess } from '#http/types';
import {
  certificateRendererEntry,
  deadlineFunctionEntry,
  deadlineSweepEntry,
  reviewStoppedEntry,
  reviewTaskFunctions,
} from '#tasks/task-functions';
import { analyseEntry } from '../../infra/aws/constructs/entry-analysis.ts';
import {
  CJK_FONT_LAMBDA_PATH,
  FALLBACK_FONT_LAMBDA_DIR,
  POWERTOOLS_LAYER_PARAMETER,
  POWERTOOLS_VERSION,
  PROJECT_ROOT,
} from '../../infra/aws/constructs/service-function.ts';
import type { Service } from '../../infra/aws/service.ts';
import { ROUTE_NOT_FOUND_ENTRY, WORKFLOWS } from '../../infra/aws/stateless-stack.ts';
import { placeholders, taskTimeoutSeconds } from '../../workflows/load.ts';
import {
  asArray,
  entryOfDescription,
  referencedId,
  resources,
  statementsOfRole,
  synthesizeService,
} from './support.ts';
import type { Resource } from './support.ts';

let stateless: Template;
let stateful: Template;
let service: Service;
let functions: [string, Resource][];

beforeAll(() => {
  ({ stateless, stateful, service } = synthesizeService());
  functions = resources(stateless, 'AWS::Lambda::Function');
});

/** The function whose description starts with `prefix` (descriptions name the route or the entry). */
function functionDescribed(prefix: string): [string, Resource] {
  const found = functions.filter(([, fn]) => String(fn.Properties.Description).startsWith(prefix));
  expect(found, `functions described "${prefix}…"`).toHaveLength(1);
  return found[0]!;
}

const roleOf = (fn: Resource) => referencedId(fn.Properties.Role)!;
const actionsOf = (statements: Record<string, any>[]) => statements.flatMap((s) => asArray<string>(s.Action));

describe('the HTTP API', () => {
  it('has exactly the routes of routes.ts (HEAD beside GET where the route says so), each with its own function', () => {
    const routeKeys = resources(stateless, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    const expected = routes.flatMap((r) => methodsOf(r).map((method) => `${method} ${r.path}`));
    expect(routeKeys.sort()).toEqual([...expected, '$default'].sort());
  });

  it('sends whatever matches no route to the not-found function, which anyone may reach and which only reads', () => {
    const [[, httpRoute]] = resources(stateless, 'AWS::ApiGatewayV2::Route').filter(
      ([, r]) => r.Properties.RouteKey === '$default',
    ) as [[string, Resource]];
    const integrationId = String(httpRoute.Properties.Target['Fn::Join'][1][1].Ref);
    const integration = stateless.toJSON().Resources[integrationId];
    const [functionId, fn] = functionDescribed(`Default route: ${ROUTE_NOT_FOUND_ENTRY}`);
    expect(referencedId(integration.Properties.IntegrationUri)).toBe(functionId);
    expect(httpRoute.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    const actions = actionsOf(statementsOfRole(stateless, roleOf(fn)));
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it.each(routes.flatMap((r) => methodsOf(r).map((method) => [`${method} ${r.path}`, r] as const)))(
    '%s invokes the function of its entry, which verifies a token exactly on bearer routes',
    (key, route) => {
      // Prepare
      const [[, httpRoute]] = resources(stateless, 'AWS::ApiGatewayV2::Route').filter(
        ([, r]) => r.Properties.RouteKey === key,
      ) as [[string, Resource]];
      const integrationId = String(httpRoute.Properties.Target['Fn::Join'][1][1].Ref);
      const integration = stateless.toJSON().Resources[integrationId];
      // A HEAD route invokes its GET's function.
      const [functionId, fn] = functionDescribed(`${route.method} ${route.path}:`);
      const env = fn.Properties.Environment.Variables;

      // Assess: no API Gateway authorizer (its refusal is not the contract's body); the function verifies.
      expect(referencedId(integration.Properties.IntegrationUri)).toBe(functionId);
      expect(httpRoute.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(httpRoute.Properties.AuthorizerId).toBeUndefined();
      // Workspace pages check their session themselves: a browser sends no bearer token.
      const bearer = isBearerAccess(route.access);
      expect('TOKEN_ISSUER' in env, key).toBe(bearer);
      expect('TOKEN_AUDIENCE' in env, key).toBe(bearer);
    },
  );

  it('verifies Cognito ID tokens of the app client (issuer = the user pool), with no authorizer left', () => {
    expect(resources(stateless, 'AWS::ApiGatewayV2::Authorizer')).toEqual([]);
    const [poolId] = Object.keys(stateful.findResources('AWS::Cognito::UserPool'));
    const [clientId] = Object.keys(stateful.findResources('AWS::Cognito::UserPoolClient'));
    const verifying = functions.filter(([, fn]) => 'TOKEN_ISSUER' in fn.Properties.Environment.Variables);
    expect(verifying.length).toBeGreaterThan(0);
    for (const [, fn] of verifying) {
      const { TOKEN_ISSUER, TOKEN_AUDIENCE } = fn.Properties.Environment.Variables;
      const issuer = JSON.stringify(TOKEN_ISSUER);
      expect(issuer).toContain('https://cognito-idp.');
      expect(issuer).toMatch(new RegExp(`ExportsOutputRef${poolId}`));
      expect(TOKEN_AUDIENCE['Fn::ImportValue']).toMatch(new RegExp(`:ExportsOutputRef${clientId}`));
    }
  });

  it('throttles every route by default and writes access logs without headers', () => {
    const [[, stage]] = resources(stateless, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format.requestId).toBe('$context.requestId');
    expect(stage.Properties.AccessLogSettings.Format).not.toMatch(/header/i);
  });

  it('has no CORS configuration', () => {
    const [[, api]] = resources(stateless, 'AWS::ApiGatewayV2::Api') as [[string, Resource]];
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });
});

describe.each(WORKFLOWS.map((w) => [w.definitionFile, w] as const))('the workflow %s', (file, workflow) => {
  let machine: Resource;
  let machineId: string;

  beforeAll(() => {
    const machines = resources(stateless, 'AWS::StepFunctions::StateMachine').filter(([, m]) =>
      String(m.Properties.StateMachineName).endsWith(
        workflow.id.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(),
      ),
    );
    expect(machines).toHaveLength(1);
    [[machineId, machine]] = machines as [[string, Resource]];
  });

  it('gives every ${…} of the ASL file a substitution and has no substitution it does not use', () => {
    const wanted = placeholders(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
    expect(wanted.length).toBeGreaterThan(0);
    expect(Object.keys(machine.Properties.DefinitionSubstitutions).sort()).toEqual([...wanted].sort());
  });

  it('substitutes each placeholder with the ARN of the function of its task entry', () => {
    for (const [placeholder, entry] of Object.entries(workflow.tasks)) {
      const [functionId] = functionDescribed(`Workflow task: ${entry}`);
      expect(referencedId(machine.Properties.DefinitionSubstitutions[placeholder]), placeholder).toBe(
        functionId,
      );
    }
  });

  it('gives each task function a timeout below its state’s, and the report task a full vCPU for 600 s', () => {
    const definition = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    for (const [placeholder, entry] of Object.entries(workflow.tasks)) {
      const [, fn] = functionDescribed(`Workflow task: ${entry}`);
      const stateTimeout = taskTimeoutSeconds(definition, placeholder);
      expect(fn.Properties.Timeout, placeholder).toBe(stateTimeout === undefined ? 60 : stateTimeout - 30);
    }
    const [, report] = functionDescribed(
      `Workflow task: ${reviewTaskFunctions.PublishConsultationReportFunctionArn}`,
    );
    expect(report.Properties).toMatchObject({ Timeout: 600, MemorySize: 1769 });
    expect(taskTimeoutSeconds(definition, 'PublishConsultationReportFunctionArn')).toBe(630);
  });

  it('may invoke exactly its task functions, by unqualified ARN, and no other function', () => {
    const taskFunctionIds = Object.values(workflow.tasks).map(
      (entry) => functionDescribed(`Workflow task: ${entry}`)[0],
    );
    const invoke = statementsOfRole(stateless, referencedId(machine.Properties.RoleArn)!).filter((s) =>
      asArray<string>(s.Action).some((a) => a.startsWith('lambda:')),
    );
    expect(invoke).toHaveLength(1);
    expect(invoke[0]!.Action).toBe('lambda:InvokeFunction');
    expect(asArray(invoke[0]!.Resource).map(referencedId).sort()).toEqual([...taskFunctionIds].sort());
  });

  it('is a Standard workflow that logs ALL events (without execution data: it carries task tokens) and traces', () => {
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    expect(machineId).toBeDefined();
  });

  it('leaves nothing retained under a fixed name, so the stack deploys again after it was deleted', () => {
    const template = stateless.toJSON() as {
      Resources: Record<
        string,
        { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> }
      >;
    };
    const NAME_PROPERTIES = ['LogGroupName', 'BucketName', 'TableName', 'QueueName', 'TopicName', 'KeyAlias'];
    const retainedByName = Object.entries(template.Resources)
      .filter(([, r]) => r.DeletionPolicy === 'Retain')
      .filter(([, r]) => NAME_PROPERTIES.some((name) => r.Properties?.[name] !== undefined))
      .map(([id, r]) => `${id} (${r.Type})`);
    expect(retainedByName).toEqual([]);
    // The workflow's own log group is among the retained ones that must stay unnamed.
    expect(resources(stateless, 'AWS::Logs::LogGroup').length).toBeGreaterThan(0);
  });

  it('is named as the ARN that functions receive in their environment', () => {
    const arns = functions
      .map(([, fn]) => fn.Properties.Environment.Variables[workflow.envName])
      .filter((arn) => arn !== undefined)
      .map((arn) => JSON.stringify(arn));
    expect(arns.length).toBeGreaterThan(0);
    expect(new Set(arns).size).toBe(1);
    expect(arns[0]).toContain(`stateMachine:${machine.Properties.StateMachineName}`);
  });
});

describe('deadlines', () => {
  it('has one schedule group and a deadline function with the fixed name schedules target', () => {
    const [[, group]] = resources(stateless, 'AWS::Scheduler::ScheduleGroup') as [[string, Resource]];
    const [, deadline] = functionDescribed(`Deadline: ${deadlineFunctionEntry}`);
    expect(group.Properties.Name).toBe(`${service.settings.serviceName}-deadlines`);
    expect(deadline.Properties.FunctionName).toBe(`${service.settings.serviceName}-fire-deadline`);
  });

  /** The role Scheduler assumes, its trust statement and its policy statements. */
  function schedulerRole() {
    const [[roleId, role]] = resources(stateless, 'AWS::IAM::Role').filter(
      ([, r]) =>
        r.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service === 'scheduler.amazonaws.com',
    ) as [[string, Resource]];
    return {
      roleId,
      trust: role.Properties.AssumeRolePolicyDocument.Statement[0],
      statements: statementsOfRole(stateless, roleId),
    };
  }

  it('lets Scheduler assume its role only for the deadline group of this account, as AWS documents it', () => {
    const { trust } = schedulerRole();
    // The schedule-group ARN (not a schedule pattern, which Scheduler never presents) and the account.
    expect(Object.keys(trust.Condition)).toEqual(['StringEquals']);
    expect(Object.keys(trust.Condition.StringEquals).sort()).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
    expect(JSON.stringify(trust.Condition.StringEquals['aws:SourceArn'])).toMatch(
      new RegExp(`:schedule-group/${service.settings.serviceName}-deadlines"`),
    );
    expect(JSON.stringify(trust.Condition.StringEquals['aws:SourceArn'])).not.toContain('*');
  });

  it('lets the scheduler role invoke only the deadline function and dead-letter only into its queue', () => {
    const { statements } = schedulerRole();
    const [[queueId]] = resources(stateless, 'AWS::SQS::Queue') as [[string, Resource]];
    expect(statements.map((s) => s.Action).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((s) => s.Action === 'lambda:InvokeFunction')!;
    expect(JSON.stringify(invoke.Resource)).toContain(
      `:function:${service.settings.serviceName}-fire-deadline"`,
    );
    const send = statements.find((s) => s.Action === 'sqs:SendMessage')!;
    expect(referencedId(send.Resource)).toBe(queueId);
  });

  it('sends the failed asynchronous invocations of the deadline function to the same queue', () => {
    const [deadlineId] = functionDescribed(`Deadline: ${deadlineFunctionEntry}`);
    const [[queueId]] = resources(stateless, 'AWS::SQS::Queue') as [[string, Resource]];
    const [[, config]] = resources(stateless, 'AWS::Lambda::EventInvokeConfig') as [[string, Resource]];
    expect(referencedId(config.Properties.FunctionName)).toBe(deadlineId);
    expect(referencedId(config.Properties.DestinationConfig.OnFailure.Destination)).toBe(queueId);
  });

  it('raises an alarm to the operator topic as soon as one message waits in the queue', () => {
    const [[queueId]] = resources(stateless, 'AWS::SQS::Queue') as [[string, Resource]];
    const [[topicId]] = resources(stateless, 'AWS::SNS::Topic') as [[string, Resource]];
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').filter(([, a]) =>
      (a.Properties.Dimensions ?? []).some((d: any) => referencedId(d.Value) === queueId),
    );
    expect(alarms).toHaveLength(1);
    const [, alarm] = alarms[0]!;
    expect(alarm.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm.Properties.AlarmActions.map(referencedId)).toEqual([topicId]);
  });

  it('sweeps overdue deadlines every hour with the sweep function', () => {
    const [sweepId] = functionDescribed(`Deadline: ${deadlineSweepEntry}`);
    const rules = resources(stateless, 'AWS::Events::Rule').filter(([, r]) =>
      r.Properties.Targets.some((t: any) => referencedId(t.Arn) === sweepId),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]![1].Properties.ScheduleExpression).toBe('rate(1 hour)');
  });
});

describe('least privilege', () => {
  /** Everything a function that only reads may do: read the table and the PDFs, read the public key. */
  const READ_ONLY = new Set([
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    's3:GetObject',
    's3:ListBucket',
    'kms:GetPublicKey',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
  ]);

  const readOnlyGets = routes.filter((r) => r.method === 'GET' && !r.writesOnGet);
  it.each(readOnlyGets.map((r) => [`${r.method} ${r.path}`] as const))(
    '%s holds read actions only: no write, no kms:Sign, no states:*',
    (key) => {
      const [, fn] = functionDescribed(`${key}:`);
      const actions = actionsOf(statementsOfRole(stateless, roleOf(fn)));
      expect(
        actions.filter((a) => !READ_ONLY.has(a)),
        key,
      ).toEqual([]);
    },
  );

  it('gives the public verify and key routes the public key, not the signing', () => {
    for (const key of ['GET /certificates/{number}/verify', 'GET /.well-known/jwks.json']) {
      const [, fn] = functionDescribed(`${key}:`);
      const kms = actionsOf(statementsOfRole(stateless, roleOf(fn))).filter((a) => a.startsWith('kms:'));
      expect(kms, key).toEqual(['kms:GetPublicKey']);
    }
  });

  it('holds exactly these actions in the function that issues a confirmed license', () => {
    const [, fn] = functionDescribed('POST /license-confirmations/{secret}:');
    const actions = new Set(actionsOf(statementsOfRole(stateless, roleOf(fn))));
    expect([...actions].sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'kms:GetPublicKey',
        'kms:Sign',
        'lambda:InvokeFunction',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        's3:PutObjectRetention',
        ...(actions.has('ses:SendEmail') ? ['ses:SendEmail', 'ses:SendRawEmail'] : []),
      ].sort(),
    );
  });

  it('tags exactly the roles that may sign, which the key policy asks of every signer', () => {
    const signers = functions.filter(([, fn]) =>
      actionsOf(statementsOfRole(stateless, roleOf(fn))).includes('kms:Sign'),
    );
    expect(signers.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const role = stateless.toJSON().Resources[roleOf(fn)];
      const tagged = asArray(role.Properties.Tags).some(
        (t: any) => t.Key === 'ogdl:signs' && t.Value === 'certificates',
      );
      expect(tagged, id).toBe(signers.some(([signer]) => signer === id));
    }
    const [[, key]] = resources(stateful, 'AWS::KMS::Key') as [[string, Resource]];
    const deny = key.Properties.KeyPolicy.Statement.find((s: any) => s.Effect === 'Deny');
    expect(deny).toMatchObject({
      Action: 'kms:Sign',
      Principal: { AWS: '*' },
      Condition: { StringNotEquals: { 'aws:PrincipalTag/ogdl:signs': 'certificates' } },
    });
  });
});

describe('stopped reviews', () => {
  it('are recorded: a rule on the machine’s FAILED, TIMED_OUT and ABORTED executions invokes the recorder', () => {
    const [recorderId] = functionDescribed(`Workflow task: ${reviewStoppedEntry}`);
    const [[machineId]] = resources(stateless, 'AWS::StepFunctions::StateMachine') as [[string, Resource]];
    const rules = resources(stateless, 'AWS::Events::Rule').filter(([, r]) =>
      r.Properties.Targets.some((t: any) => referencedId(t.Arn) === recorderId),
    );
    expect(rules).toHaveLength(1);
    const pattern = rules[0]![1].Properties.EventPattern;
    expect(pattern.source).toEqual(['aws.states']);
    expect(pattern['detail-type']).toEqual(['Step Functions Execution Status Change']);
    expect([...pattern.detail.status].sort()).toEqual(['ABORTED', 'FAILED', 'TIMED_OUT']);
    const machine = stateless.toJSON().Resources[machineId];
    expect(JSON.stringify(pattern.detail.stateMachineArn)).toContain(machine.Properties.StateMachineName);
  });

  it('alert the operator: an alarm each on failed, timed-out and aborted executions', () => {
    const [[topicId]] = resources(stateless, 'AWS::SNS::Topic') as [[string, Resource]];
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').filter(
      ([, a]) => a.Properties.Namespace === 'AWS/States',
    );
    expect(alarms.map(([, a]) => a.Properties.MetricName).sort()).toEqual([
      'ExecutionsAborted',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ]);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties).toMatchObject({ Threshold: 1, Statistic: 'Sum' });
      expect(alarm.Properties.AlarmActions.map(referencedId)).toEqual([topicId]);
    }
  });
});

describe('every function', () => {
  it('runs Node.js 24 (the major the tests run on) on ARM64 with active tracing, its own log group and ESM source maps', () => {
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL, id).toBeDefined();
    }
  });

  it('loads Powertools from AWS’s layer of the version the tests run (the bundles leave it out), for its service', () => {
    const installed = (name: string) =>
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    for (const name of ['logger', 'metrics', 'tracer'])
      expect(installed(`@aws-lambda-powertools/${name}`), name).toBe(POWERTOOLS_VERSION);
    const parameters = stateless.toJSON().Parameters as Record<string, { Type: string; Default: string }>;
    const [layerParameter] = Object.entries(parameters).filter(
      ([, p]) => p.Default === POWERTOOLS_LAYER_PARAMETER,
    );
    expect(layerParameter?.[1].Type).toBe('AWS::SSM::Parameter::Value<String>');
    expect(POWERTOOLS_LAYER_PARAMETER).toBe(
      `/aws/service/powertools/typescript/generic/all/${POWERTOOLS_VERSION}`,
    );
    for (const [id, fn] of functions) {
      expect(fn.Properties.Layers, id).toEqual([{ Ref: layerParameter![0] }]);
      expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME, id).toBe(
        service.settings.serviceName,
      );
    }
  });

  it('runs on the major of Node.js that runs these tests (the `node` devDependency puts it first on the PATH)', () => {
    const runtimes = new Set(functions.map(([, fn]) => fn.Properties.Runtime));
    expect([...runtimes]).toEqual([`nodejs${process.versions.node.split('.')[0]}.x`]);
  });

  it('has a role with no AWS managed policy', () => {
    for (const [, fn] of functions) {
      const role = stateless.toJSON().Resources[roleOf(fn)];
      for (const arn of asArray(role.Properties.ManagedPolicyArns))
        expect(JSON.stringify(arn)).not.toContain('aws:policy');
    }
  });

  it('gets each environment variable together with its permission, and nothing it does not use', () => {
    for (const [id, fn] of functions) {
      const env = fn.Properties.Environment.Variables;
      const actions = actionsOf(statementsOfRole(stateless, roleOf(fn)));
      const pairs: [string, string][] = [
        ['TABLE_NAME', 'dynamodb:GetItem'],
        ['BLOB_BUCKET', 's3:GetObject'],
        ['REVIEW_STATE_MACHINE_ARN', 'states:StartExecution'],
        ['SCHEDULE_GROUP_NAME', 'scheduler:CreateSchedule'],
        ['SCHEDULER_ROLE_ARN', 'iam:PassRole'],
        ['SIGNING_KEY_ID', 'kms:GetPublicKey'],
        ['MAIL_FROM', 'ses:SendEmail'],
      ];
      for (const [variable, action] of pairs) {
        expect(variable in env, `${id}: ${variable} ⇔ ${action}`).toBe(actions.includes(action));
      }
      const [rendererId] = functionDescribed(`Certificate renderer: ${certificateRendererEntry}`);
      const invokesRenderer = statementsOfRole(stateless, roleOf(fn)).some(
        (s) =>
          s.Action === 'lambda:InvokeFunction' &&
          asArray(s.Resource).some((r) => referencedId(r) === rendererId),
      );
      expect('CERTIFICATE_RENDERER_FUNCTION' in env, `${id}: invokes the renderer`).toBe(invokesRenderer);
    }
  });

  it('gets resources according to the AWS clients its code imports', () => {
    for (const [, fn] of functions) {
      const description = String(fn.Properties.Description);
      const route = routes.find((r) => description.startsWith(`${r.method} ${r.path}:`));
      const analysis = analyseEntry(PROJECT_ROOT, entryOfDescription(description));
      const env = fn.Properties.Environment.Variables;
      expect('TABLE_NAME' in env, description).toBe(analysis.capabilities.has('table'));
      // A GET only reads: whatever its bundle imports, it gets nothing that starts, schedules or mails.
      const writes = route?.method !== 'GET';
      expect('REVIEW_STATE_MACHINE_ARN' in env, description).toBe(
        analysis.capabilities.has('workflow') && writes,
      );
      expect('SCHEDULE_GROUP_NAME' in env, description).toBe(
        analysis.capabilities.has('scheduler') && writes,
      );
      expect('BLOB_BUCKET' in env, description).toBe(analysis.capabilities.has('blobs'));
      expect('SIGNING_KEY_ID' in env, description).toBe(analysis.capabilities.has('signing'));
      expect('CERTIFICATE_RENDERER_FUNCTION' in env, description).toBe(
        analysis.capabilities.has('certificate-rendering'),
      );
      expect(env.CJK_FONT_PATH, description).toBe(
        analysis.capabilities.has('pdf') ? CJK_FONT_LAMBDA_PATH : undefined,
      );
      expect(env.FALLBACK_FONT_DIR, description).toBe(
        analysis.capabilities.has('pdf') ? FALLBACK_FONT_LAMBDA_DIR : undefined,
      );
    }
  });

  it('may never Scan, never use a wildcard action, and only read on GET routes', () => {
    for (const [, fn] of functions) {
      const actions = actionsOf(statementsOfRole(stateless, roleOf(fn)));
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
      const description = String(fn.Properties.Description);
      if (
        description.startsWith('GET ') &&
        !routes.some((r) => r.writesOnGet && description.startsWith(`GET ${r.path}:`))
      ) {
        expect(actions.filter((a) => /^(dynamodb:(Put|Update|Delete|BatchWrite)|s3:Put)/.test(a))).toEqual(
          [],
        );
      }
    }
  });

  it('starts and completes only the review workflow, and signs only with the certificate key', () => {
    for (const [, fn] of functions) {
      for (const statement of statementsOfRole(stateless, roleOf(fn))) {
        const actions = asArray<string>(statement.Action);
        if (actions.some((a) => a.startsWith('states:'))) {
          expect(actions.sort()).toEqual(['states:SendTaskSuccess', 'states:StartExecution']);
          expect(JSON.stringify(statement.Resource)).toContain(':stateMachine:');
        }
        if (actions.some((a) => a.startsWith('kms:'))) {
          // Reading functions verify with the public key; only issuing ones sign.
          expect([['kms:GetPublicKey'], ['kms:GetPublicKey', 'kms:Sign']]).toContainEqual(actions.sort());
        }
      }
    }
  });
});

describe('the certificate render function', () => {
  /**
   * The routes that issue documents: certificates (a confirmed request for OPEN data, a confirmed
   * payment) and the decision record re-issued after a step of 規費法 §10.
   */
  const issuing = [
    'POST /license-confirmations/{secret}:',
    'POST /licenses/{id}/payment:',
    'POST /fee-proposals/{id}/steps:',
    // The workspace's forms that do the same.
    'POST /agency/licensing/{id}/payment:',
    'POST /agency/proposals/{id}/steps:',
  ];

  it('exists with the CJK font beside its code and the memory to parse it, and may touch nothing', () => {
    const [, renderer] = functionDescribed(`Certificate renderer: ${certificateRendererEntry}`);
    expect(renderer.Properties.Environment.Variables.CJK_FONT_PATH).toBe(CJK_FONT_LAMBDA_PATH);
    expect(renderer.Properties.Environment.Variables.FALLBACK_FONT_DIR).toBe(FALLBACK_FONT_LAMBDA_DIR);
    expect(renderer.Properties.MemorySize).toBe(1536);
    const actions = actionsOf(statementsOfRole(stateless, roleOf(renderer)));
    expect(actions.filter((a) => !a.startsWith('logs:'))).toEqual([]);
  });

  it('is what the functions issuing documents invoke, and only they may invoke it', () => {
    const [rendererId] = functionDescribed(`Certificate renderer: ${certificateRendererEntry}`);
    const onRenderer = (s: Record<string, any>) =>
      asArray<string>(s.Action).some((a) => a.startsWith('lambda:')) &&
      asArray(s.Resource).some((r) => referencedId(r) === rendererId);
    const invokers = functions.filter(([, fn]) => statementsOfRole(stateless, roleOf(fn)).some(onRenderer));

    expect(invokers.map(([id]) => id).sort()).toEqual(issuing.map((key) => functionDescribed(key)[0]).sort());
    for (const [id, fn] of invokers) {
      const invoke = statementsOfRole(stateless, roleOf(fn)).filter(onRenderer);
      expect(invoke, id).toHaveLength(1);
      expect(invoke[0]!.Action, id).toBe('lambda:InvokeFunction');
      expect(asArray(invoke[0]!.Resource).map(referencedId), id).toEqual([rendererId]);
      expect(referencedId(fn.Properties.Environment.Variables.CERTIFICATE_RENDERER_FUNCTION), id).toBe(
        rendererId,
      );
    }
  });
});

describe('the submit route, which starts reviews', () => {
  it('may start the review workflow', () => {
    const [, fn] = functionDescribed('POST /fee-proposals/{id}/submit:');
    expect(fn.Properties.Environment.Variables.REVIEW_STATE_MACHINE_ARN).toBeDefined();
  });
});
