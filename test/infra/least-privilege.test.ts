/**
 * Least privilege as facts: the IAM actions each function's role holds (its own policy and the shared
 * X-Ray policy), written out per function so that a review reads every grant, and a change of grants is a
 * change of this table. Synthesized with a mail domain, as a service that mails is deployed.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import {
  asArray,
  entryOfDescription,
  referencedId,
  resources,
  statementsOfRole,
  synthesizeService,
} from './support.ts';

/** Every function: its own log group, and its trace segments (the shared X-Ray policy). */
const LOGS = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];
/** The table: read and write items (never Scan). */
const TABLE_WRITE = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
/** The table: read only. */
const TABLE_READ = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
];
/** The PDF bucket: read, and write locked official records. */
const BLOBS_WRITE = ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:PutObjectRetention'];
/** The PDF bucket: read only. */
const BLOBS_READ = ['s3:GetObject', 's3:ListBucket'];
/** Send through the SES identity and configuration set. */
const MAIL = ['ses:SendEmail', 'ses:SendRawEmail'];
/** Start a review and complete the callbacks its steps wait on. */
const WORKFLOW = ['states:SendTaskSuccess', 'states:StartExecution'];
/** Create, change and delete deadline schedules, pass their role, invoke the deadline function. */
const SCHEDULE = [
  'iam:PassRole',
  'lambda:InvokeFunction',
  'scheduler:CreateSchedule',
  'scheduler:DeleteSchedule',
  'scheduler:UpdateSchedule',
];
/** Sign certificates with the KMS key (and read its public half). */
const SIGN = ['kms:GetPublicKey', 'kms:Sign'];
/** The public half of the signing key only. */
const PUBLIC_KEY = ['kms:GetPublicKey'];
/** Put a failed asynchronous invocation into the deadline dead-letter queue. */
const DEAD_LETTER = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
/** Invoke the certificate render function. */
const RENDER = ['lambda:InvokeFunction'];

type Group = readonly string[];

/**
 * Function → the groups of actions it holds. Routes are named by method and path, other functions by
 * their kind and entry (their descriptions).
 */
const GRANTS: Readonly<Record<string, readonly Group[]>> = {
  'Certificate renderer: functions/tasks/render-certificate.ts': [LOGS],
  'Deadline: functions/tasks/fire-deadline.ts': [LOGS, TABLE_WRITE, MAIL, WORKFLOW, SCHEDULE, DEAD_LETTER],
  'Deadline: functions/tasks/sweep-deadlines.ts': [LOGS, TABLE_WRITE, MAIL, WORKFLOW, SCHEDULE],
  'Default route: functions/http/route-not-found.ts': [LOGS],
  'GET /': [LOGS, TABLE_READ],
  'GET /archive': [LOGS, TABLE_READ],
  'GET /feed.atom': [LOGS, TABLE_READ],
  'GET /verify': [LOGS, TABLE_READ],
  'GET /datasets/{id}/fee-schedules': [LOGS, TABLE_READ],
  'GET /.well-known/jwks.json': [LOGS, TABLE_READ, PUBLIC_KEY],
  'GET /advisory-groups/{id}': [LOGS, TABLE_READ],
  'GET /agencies': [LOGS, TABLE_READ],
  'GET /agencies/{id}': [LOGS, TABLE_READ],
  'GET /agency': [LOGS, TABLE_READ],
  'GET /agency/consultations': [LOGS, TABLE_READ],
  'GET /agency/consultations/{id}': [LOGS, TABLE_READ],
  'GET /agency/consultations/{id}/comments/{commentId}': [LOGS, TABLE_READ],
  'GET /agency/datasets': [LOGS, TABLE_READ],
  'GET /agency/datasets/new': [LOGS, TABLE_READ],
  'GET /agency/datasets/{id}/edit': [LOGS, TABLE_READ],
  'GET /agency/licensing': [LOGS, TABLE_READ],
  'GET /agency/licensing/{id}/payment': [LOGS, TABLE_READ],
  'GET /agency/licensing/certificates/{number}/revoke': [LOGS, TABLE_READ],
  'GET /agency/proposals': [LOGS, TABLE_READ],
  'GET /agency/proposals/new': [LOGS, TABLE_READ],
  'GET /agency/proposals/{id}': [LOGS, TABLE_READ],
  'GET /agency/proposals/{id}/check': [LOGS, TABLE_READ],
  'GET /agency/proposals/{id}/edit': [LOGS, TABLE_READ],
  'GET /agency/proposals/{id}/preview': [LOGS, TABLE_READ],
  'GET /agency/proposals/{id}/withdraw': [LOGS, TABLE_READ],
  'GET /agency/fee-proposals': [LOGS, TABLE_READ],
  'GET /agency/licenses': [LOGS, TABLE_READ],
  // The OAuth callback is a GET by protocol; it stores the session (routes.ts writesOnGet).
  'GET /auth/callback': [LOGS, TABLE_WRITE],
  'GET /ballots/{secret}': [LOGS, TABLE_READ],
  'GET /certificates/{number}': [LOGS, TABLE_READ, BLOBS_READ],
  'GET /certificates/{number}/verify': [LOGS, TABLE_READ, PUBLIC_KEY],
  'GET /comment-verifications/{secret}': [LOGS, TABLE_READ],
  'GET /consultations/{id}': [LOGS, TABLE_READ],
  'GET /consultations/{id}/decision': [LOGS, TABLE_READ],
  'GET /consultations/{id}/events': [LOGS, TABLE_READ],
  'GET /consultations/{id}/report': [LOGS, TABLE_READ, BLOBS_READ],
  'GET /datasets/{id}': [LOGS, TABLE_READ],
  'GET /fee-proposals': [LOGS, TABLE_READ],
  'GET /fee-proposals/{id}': [LOGS, TABLE_READ],
  'GET /fee-proposals/{id}/comments': [LOGS, TABLE_READ],
  'GET /fee-proposals/{id}/consultation-report': [LOGS, TABLE_READ, BLOBS_READ],
  'GET /fee-proposals/{id}/decision': [LOGS, TABLE_READ, BLOBS_READ],
  'GET /fee-proposals/{id}/events': [LOGS, TABLE_READ],
  'GET /license-confirmations/{secret}': [LOGS, TABLE_READ],
  'GET /licenses/{id}': [LOGS, TABLE_READ],
  'GET /licenses/new': [LOGS, TABLE_READ],
  'GET /my-licenses/new': [LOGS, TABLE_READ],
  'GET /my-licenses/{secret}': [LOGS, TABLE_READ],
  'GET /subscriptions/new': [LOGS, TABLE_READ],
  'GET /subscriptions/{secret}': [LOGS, TABLE_READ],
  'GET /unsubscribe/{secret}': [LOGS, TABLE_READ],
  'GET /openapi.json': [LOGS, TABLE_READ],
  'GET /operator': [LOGS, TABLE_READ],
  'GET /operator/advisory-groups/{id}': [LOGS, TABLE_READ],
  'GET /operator/agencies/{id}': [LOGS, TABLE_READ],
  'GET /operator/reviews/{id}': [LOGS, TABLE_READ],
  'GET /organizations': [LOGS, TABLE_READ],
  'GET /sign-in': [LOGS, TABLE_READ],
  'GET /sign-out': [LOGS, TABLE_READ],
  // The workspace's forms do what their API routes do, with the same grants.
  'POST /agency/consultations/{id}/comments/{commentId}': [LOGS, TABLE_WRITE, MAIL, WORKFLOW],
  'POST /agency/consultations/{id}/extend': [LOGS, TABLE_WRITE, MAIL, SCHEDULE],
  'POST /agency/datasets/new': [LOGS, TABLE_WRITE],
  'POST /agency/datasets/{id}/edit': [LOGS, TABLE_WRITE],
  'POST /agency/licensing/{id}/payment': [LOGS, TABLE_WRITE, BLOBS_WRITE, MAIL, SIGN, RENDER],
  'POST /agency/licensing/certificates/{number}/revoke': [LOGS, TABLE_WRITE, MAIL],
  'POST /agency/proposals/new': [LOGS, TABLE_WRITE],
  'POST /agency/proposals/{id}/check': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /agency/proposals/{id}/edit': [LOGS, TABLE_WRITE],
  'POST /agency/proposals/{id}/steps': [LOGS, TABLE_WRITE, BLOBS_WRITE, SCHEDULE],
  'POST /agency/proposals/{id}/withdraw': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /advisory-groups': [LOGS, TABLE_WRITE],
  'POST /agencies': [LOGS, TABLE_WRITE],
  'POST /ballots/{secret}': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /certificates/{number}/revoke': [LOGS, TABLE_WRITE, MAIL],
  // Confirming an address mails an answer the agency gave before it (inform-commenters.ts).
  'POST /comment-verifications/{secret}': [LOGS, TABLE_WRITE, MAIL],
  'POST /datasets': [LOGS, TABLE_WRITE],
  'POST /fee-proposals': [LOGS, TABLE_WRITE],
  // A comment schedules the agency's daily digest of new comments (comment-digest.ts).
  'POST /fee-proposals/{id}/comments': [LOGS, TABLE_WRITE, MAIL, SCHEDULE],
  'POST /fee-proposals/{id}/consultation/extend': [LOGS, TABLE_WRITE, MAIL, SCHEDULE],
  'POST /fee-proposals/{id}/steps': [LOGS, TABLE_WRITE, BLOBS_WRITE, SCHEDULE],
  'POST /fee-proposals/{id}/review/restart': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /fee-proposals/{id}/submit': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /fee-proposals/{id}/withdraw': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /license-confirmations/{secret}': [LOGS, TABLE_WRITE, BLOBS_WRITE, MAIL, SIGN, RENDER],
  'POST /licenses': [LOGS, TABLE_WRITE, MAIL],
  'POST /licenses/{id}/payment': [LOGS, TABLE_WRITE, BLOBS_WRITE, MAIL, SIGN, RENDER],
  'POST /my-licenses': [LOGS, TABLE_WRITE, MAIL],
  'POST /subscriptions': [LOGS, TABLE_WRITE, MAIL],
  'POST /subscriptions/{secret}': [LOGS, TABLE_WRITE],
  'POST /unsubscribe/{secret}': [LOGS, TABLE_WRITE],
  'POST /operator/accounts': [LOGS, TABLE_WRITE],
  'POST /operator/advisory-groups': [LOGS, TABLE_WRITE],
  'POST /operator/advisory-groups/{id}': [LOGS, TABLE_WRITE],
  'POST /operator/agencies': [LOGS, TABLE_WRITE],
  'POST /operator/agencies/{id}': [LOGS, TABLE_WRITE],
  'POST /operator/reviews/{id}/restart': [LOGS, TABLE_WRITE, WORKFLOW],
  'POST /organizations': [LOGS, TABLE_WRITE],
  'PUT /datasets/{id}': [LOGS, TABLE_WRITE],
  'POST /sign-out': [LOGS, TABLE_WRITE],
  'PUT /fee-proposals/{id}': [LOGS, TABLE_WRITE],
  'PUT /fee-proposals/{id}/comments/{commentId}/disposition': [LOGS, TABLE_WRITE, MAIL, WORKFLOW],
  'Workflow task: functions/tasks/apply-decision.ts': [LOGS, TABLE_WRITE, BLOBS_WRITE, MAIL, SCHEDULE],
  'Workflow task: functions/tasks/await-consultation-close.ts': [LOGS, TABLE_WRITE, WORKFLOW, SCHEDULE],
  'Workflow task: functions/tasks/await-dispositions.ts': [LOGS, TABLE_WRITE, WORKFLOW],
  'Workflow task: functions/tasks/await-vote.ts': [LOGS, TABLE_WRITE, WORKFLOW],
  'Workflow task: functions/tasks/close-consultation.ts': [LOGS, TABLE_WRITE, MAIL],
  'Workflow task: functions/tasks/continue-review.ts': [LOGS, TABLE_WRITE, WORKFLOW],
  'Workflow task: functions/tasks/open-vote.ts': [LOGS, TABLE_WRITE, MAIL, SCHEDULE],
  'Workflow task: functions/tasks/publish-consultation-notice.ts': [LOGS, TABLE_WRITE, MAIL],
  'Workflow task: functions/tasks/publish-consultation-report.ts': [LOGS, TABLE_WRITE, BLOBS_WRITE, MAIL],
  'Workflow task: functions/tasks/record-review-failure.ts': [LOGS, TABLE_WRITE],
  'Workflow task: functions/tasks/record-stopped-review.ts': [LOGS, TABLE_WRITE],
};

/** What a public GET may do at most: read the table and the PDFs, and the public half of the key. */
const READ_ONLY = new Set([...LOGS, ...TABLE_READ, ...BLOBS_READ, ...PUBLIC_KEY]);

let stateless: Template;
/** Function (as named in GRANTS) → the actions its role holds. */
const held = new Map<string, string[]>();

beforeAll(() => {
  ({ stateless } = synthesizeService({ mailDomain: 'mail.example.gov.tw' }));
  const all = stateless.toJSON().Resources as Record<string, { Properties: Record<string, any> }>;
  for (const [, fn] of resources(stateless, 'AWS::Lambda::Function')) {
    const description = String(fn.Properties.Description);
    const route = /^(GET|POST|PUT|PATCH|DELETE) [^:]+/.exec(description)?.[0];
    const name = route ?? `${description.split(': ')[0]}: ${entryOfDescription(description)}`;
    expect(held.has(name), `two functions named ${name}`).toBe(false);
    const roleId = referencedId(fn.Properties.Role)!;
    const managed = asArray(all[roleId]!.Properties.ManagedPolicyArns)
      .map((arn) => referencedId(arn))
      .filter((id): id is string => id !== undefined)
      .flatMap((id) => all[id]!.Properties.PolicyDocument.Statement as Record<string, any>[]);
    const statements = [...statementsOfRole(stateless, roleId), ...managed];
    held.set(name, [...new Set(statements.flatMap((s) => asArray<string>(s.Action)))].sort());
  }
});

describe('least privilege', () => {
  it('names every function of the stack in the table, and no other', () => {
    expect([...held.keys()].sort()).toEqual(Object.keys(GRANTS).sort());
  });

  it.each(Object.entries(GRANTS))('%s holds exactly its actions', (name, groups) => {
    expect(held.get(name)).toEqual([...new Set(groups.flat())].sort());
  });

  it('lets a GET only read: no write, no mail, no kms:Sign, no states:*, no schedule', () => {
    const writesOnGet = routes.filter((r) => r.writesOnGet).map((r) => `GET ${r.path}`);
    const gets = [...held].filter(([name]) => name.startsWith('GET ') && !writesOnGet.includes(name));
    expect(gets.length).toBeGreaterThan(20);
    for (const [name, actions] of gets) {
      expect(
        actions.filter((a) => !READ_ONLY.has(a)),
        name,
      ).toEqual([]);
      expect(
        actions.filter((a) => a === 'kms:Sign' || a.startsWith('states:')),
        name,
      ).toEqual([]);
    }
  });

  it('gives kms:Sign to the routes that issue certificates only (the desk’s payment form is one)', () => {
    const signers = [...held].filter(([, actions]) => actions.includes('kms:Sign')).map(([name]) => name);
    expect(signers.sort()).toEqual([
      'POST /agency/licensing/{id}/payment',
      'POST /license-confirmations/{secret}',
      'POST /licenses/{id}/payment',
    ]);
  });
});
