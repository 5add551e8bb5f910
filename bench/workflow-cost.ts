// Part 3 (child process): one fee proposal end to end on the local runtime and the local clock, through
// the HTTP API and the mailed ballot links — submit, a consultation with two comments, the agency's
// answers, the advisory vote (four of seven approve, which decides it early), effective on its date — then
// what it used, counted: state transitions and task invocations from the execution history, HTTP requests,
// DynamoDB read and write units, mails, stored PDFs, deadline firings; projected to AWS prices. One
// certificate (POST /licenses for an OPEN dataset) is counted the same way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '#ports/dynamo/client';
import { isDeadlinePartition } from '#ports/dynamo/keys';
import { routes, compilePath } from '#http/routes';
import { startLocalRuntime } from '#local/runtime';
import { SEED } from '#local/seed';
import { analyseEntry } from '../infra/aws/constructs/entry-analysis.ts';
import { PROJECT_ROOT } from '../infra/aws/constructs/service-function.ts';
import { validProposal } from '../test/support/fixtures.ts';
import { linksIn, mailsTo, outbox } from '../test/support/outbox.ts';
import { reply } from './child.ts';
import { LAMBDA_MEMORY_GB, PRICES } from './prices.ts';
import { median, round } from './stats.ts';

const MEMBERS = ['convener', 'agency-rep', 'civil-1', 'civil-2', 'scholar-1', 'scholar-2', 'industry-1'];

interface Usage {
  httpRequests: number;
  httpLambdaGbSeconds: number;
  dynamoReads: number;
  dynamoWrites: number;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  schedulerTableOps: number;
  deadlinesFired: number;
  mails: number;
  blobPuts: number;
  signs: number;
}

const usage: Usage = {
  httpRequests: 0,
  httpLambdaGbSeconds: 0,
  dynamoReads: 0,
  dynamoWrites: 0,
  dynamoReadUnits: 0,
  dynamoWriteUnits: 0,
  schedulerTableOps: 0,
  deadlinesFired: 0,
  mails: 0,
  blobPuts: 0,
  signs: 0,
};
const snapshot = (): Usage => ({ ...usage });
const minus = (a: Usage, b: Usage): Usage =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - b[k as keyof Usage]])) as unknown as Usage;

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-workflow-'));
process.env.LOG_LEVEL ??= 'error';
const runtime = await startLocalRuntime({ port: 0, inMemory: true, dataDir, fresh: true });
countDynamoRequests();

/** When each deadline set is due: a deadline removed after that fired, one removed before was cancelled. */
const deadlineDue = new Map<string, number>();

/** Every request the handlers make through the shared client: units consumed, and deadline bookkeeping apart. */
function countDynamoRequests(): void {
  // The document client's commands reach this stack under the low-level client's names.
  const WRITES = new Set([
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
  ]);
  dynamoDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown> & {
        Key?: { pk?: unknown };
        Item?: { pk?: unknown };
      };
      const pk = String(input.Key?.pk ?? input.Item?.pk ?? '');
      const write = WRITES.has(context.commandName ?? '');
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      // On AWS deadlines are EventBridge schedules, not table items: counted apart, not priced as DynamoDB.
      if (isDeadlinePartition(pk)) {
        usage.schedulerTableOps += 1;
        // Removed once due: it fired (the scheduler removes what it fired); removed before: cancelled.
        const at = (input.Item as { data?: { at?: string } } | undefined)?.data?.at;
        if (context.commandName === 'PutItemCommand' && at) deadlineDue.set(pk, Date.parse(at));
        if (
          context.commandName === 'DeleteItemCommand' &&
          runtime.clock.now().getTime() >= (deadlineDue.get(pk) ?? Infinity)
        ) {
          usage.deadlinesFired += 1;
        }
        return result;
      }
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      const units = consumed?.CapacityUnits ?? 1;
      if (write) {
        usage.dynamoWrites += 1;
        usage.dynamoWriteUnits += units;
      } else {
        usage.dynamoReads += 1;
        usage.dynamoReadUnits += units;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCountRequests' },
  );
}

const memoryOf = new Map<string, number>();
function routeMemoryGb(method: string, urlPath: string): number {
  const route = routes.find((r) => r.method === method && compilePath(r.path).regex.test(urlPath));
  if (!route) return 0; // /_local/* routes do not exist on AWS
  if (!memoryOf.has(route.entry)) {
    const pdf = analyseEntry(PROJECT_ROOT, route.entry).capabilities.has('pdf');
    memoryOf.set(route.entry, pdf ? LAMBDA_MEMORY_GB.rendersPdf : LAMBDA_MEMORY_GB.default);
  }
  return memoryOf.get(route.entry)!;
}

/** An API call as a client makes it; on AWS it would be one API Gateway request and one Lambda invocation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers read field by field below
async function call(method: string, urlPath: string, body?: unknown, token?: string): Promise<any> {
  const start = performance.now();
  const res = await fetch(`${runtime.url}${urlPath}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  const memory = routeMemoryGb(method, urlPath.split('?')[0]!);
  if (memory > 0) {
    usage.httpRequests += 1;
    usage.httpLambdaGbSeconds += memory * (Math.ceil(ms) / 1000);
  }
  if (!res.ok) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

async function countOutputs(): Promise<void> {
  usage.mails = (await outbox(runtime.url)).length;
  usage.blobPuts = countFiles(path.join(dataDir, 'blobs'));
}
/** Stored objects: the folder store keeps each content type in a `.meta` tree beside them, not counted. */
function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !path.relative(dir, entry.parentPath).split(path.sep).includes('.meta')) n += 1;
  }
  return n;
}

// ---- one proposal, end to end ----
const wallStart = performance.now();
const before = snapshot();
const agency = (await call('POST', '/_local/token', { role: 'agency', agencyId: SEED.subordinate })).token;
const effectiveFrom = new Date(runtime.clock.now().getTime() + 150 * 86_400_000).toISOString().slice(0, 10);
const { id } = await call('POST', '/fee-proposals', validProposal({ effectiveFrom }), agency);
await call('POST', `/fee-proposals/${id}/submit`, {}, agency);
await runtime.settle();
const comments = [
  { body: '每幅 200 元對學術研究者負擔過重。', itemId: 'sheet', author: { name: '王小明' } },
  { body: 'Please publish the cost basis per sheet.', author: { organization: 'Open Knowledge Taiwan' } },
];
const commentIds: string[] = [];
for (const comment of comments)
  commentIds.push((await call('POST', `/fee-proposals/${id}/comments`, comment)).id);
await call('POST', '/_local/clock', { advanceBy: 'P61D' });
for (const commentId of commentIds) {
  await call(
    'PUT',
    `/fee-proposals/${id}/comments/${commentId}/disposition`,
    {
      disposition: 'PARTLY_ADOPTED',
      reply: '已補充每幅成本計算。The cost basis per sheet is now published.',
    },
    agency,
  );
}
await runtime.settle();
for (const member of MEMBERS.slice(0, 4)) {
  const mails = await mailsTo(runtime.url, `${member}@advisory.example.tw`);
  const link = mails
    .flatMap(linksIn)
    .filter((l) => l.includes('/ballots/'))
    .at(-1);
  if (!link) throw new Error(`no ballot link for ${member}`);
  await call('POST', new URL(link).pathname, { decision: 'APPROVE', reason: '' });
}
await runtime.settle();
const approved = (await call('GET', `/fee-proposals/${id}`)).status;
await call('POST', '/_local/clock', { set: `${effectiveFrom}T00:00:00Z` });
await call('POST', '/_local/clock', { advanceBy: 'P1D' });
const finalStatus = (await call('GET', `/fee-proposals/${id}`)).status;
await countOutputs();
const proposalUsage = minus(snapshot(), before);
const wallMs = performance.now() - wallStart;

// ---- the execution history ----
const sfn = new SFNClient({});
const executions = (
  await sfn.send(new ListExecutionsCommand({ stateMachineArn: process.env.REVIEW_STATE_MACHINE_ARN! }))
).executions!;
const history: HistoryEvent[] = [];
for (const execution of executions) {
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: execution.executionArn!, nextToken, maxResults: 1000 }),
    );
    history.push(...page.events!);
    nextToken = page.nextToken;
  } while (nextToken);
}
const entered = history.filter((e) => e.type!.endsWith('StateEntered'));
const tasks = history.filter((e) => e.type === 'TaskStateEntered');
// Step Functions Standard bills each state entered (a state transition); the execution's start is free.
const transitions = entered.length;
const taskMs = taskDurations(history);
const taskMedianMs = median(taskMs.quick);
const taskGbSeconds =
  ((taskMs.quick.reduce((a, b) => a + Math.ceil(b), 0) + taskMs.callbacks * Math.ceil(taskMedianMs)) / 1000) *
  1.5;

/** Task states from entry to exit; callback tasks wait for a person, so only their invocation counts. */
function taskDurations(events: HistoryEvent[]): { quick: number[]; callbacks: number } {
  const quick: number[] = [];
  let callbacks = 0;
  const open = new Map<string, { at: number; id: number }>();
  for (const event of events) {
    if (event.type === 'TaskStateEntered') {
      open.set(event.stateEnteredEventDetails!.name!, { at: event.timestamp!.getTime(), id: event.id! });
    }
    if (event.type === 'TaskStateExited') {
      const name = event.stateExitedEventDetails!.name!;
      const start = open.get(name);
      if (!start) continue;
      open.delete(name);
      const ms = event.timestamp!.getTime() - start.at;
      // A wait longer than a few seconds is a person or a deadline, not the function.
      if (ms > 5_000) callbacks += 1;
      else quick.push(ms);
    }
  }
  return { quick, callbacks };
}

// ---- one certificate ----
const beforeCertificate = snapshot();
const blobsBefore = countFiles(path.join(dataDir, 'blobs'));
await call('POST', '/licenses', {
  datasetId: SEED.datasets.open,
  licensee: { name: '王小明', email: 'ming@bench.example.tw' },
  purpose: 'ACADEMIC',
});
// The certificate is issued once the licensee confirms from the mailed link.
const confirmation = (await mailsTo(runtime.url, 'ming@bench.example.tw'))
  .flatMap(linksIn)
  .find((l) => l.includes('/license-confirmations/'))!;
await call('POST', new URL(confirmation).pathname, {});
const certificateUsage = minus(snapshot(), beforeCertificate);
certificateUsage.blobPuts = countFiles(path.join(dataDir, 'blobs')) - blobsBefore;
certificateUsage.signs = 1;

function cost(
  u: Usage,
  extra: { transitions?: number; taskInvocations?: number; taskGbSeconds?: number } = {},
) {
  const lines = {
    stepFunctions: (extra.transitions ?? 0) * PRICES.stepFunctionsStandardPerTransition,
    lambdaRequests:
      (u.httpRequests + (extra.taskInvocations ?? 0) + u.deadlinesFired) * PRICES.lambdaPerRequest,
    lambdaCompute: (u.httpLambdaGbSeconds + (extra.taskGbSeconds ?? 0)) * PRICES.lambdaArm64PerGbSecond,
    apiGateway: u.httpRequests * PRICES.apiGatewayHttpPerRequest,
    dynamoDb:
      u.dynamoWriteUnits * PRICES.dynamoDbOnDemandPerWriteRequestUnit +
      u.dynamoReadUnits * PRICES.dynamoDbOnDemandPerReadRequestUnit,
    s3: u.blobPuts * PRICES.s3StandardPerPut,
    ses: u.mails * PRICES.sesPerMail,
    kms: u.signs * PRICES.kmsAsymmetricPerSign,
    scheduler: u.deadlinesFired * PRICES.eventBridgeSchedulerPerInvocation,
  };
  const total = Object.values(lines).reduce((a, b) => a + b, 0);
  return { totalUsd: total, linesUsd: lines };
}

const result = {
  proposal: {
    path: 'submit → 2 comments → P61D → 2 answers → 4 of 7 approve → effective',
    approvedStatus: approved,
    finalStatus,
    executions: executions.length,
    stateTransitions: transitions,
    taskInvocations: tasks.length,
    taskMedianMs: round(taskMedianMs),
    wallMs: round(wallMs),
    usage: proposalUsage,
    cost: cost(proposalUsage, { transitions, taskInvocations: tasks.length, taskGbSeconds }),
  },
  certificate: { usage: certificateUsage, cost: cost(certificateUsage) },
  assumptions: [
    'HTTP Lambda duration = the request’s local wall time (client side, so an upper bound), billed per ms at the memory the CDK wrapper gives the route (1.5 GB if it renders PDFs, else 0.5 GB).',
    'Task Lambda duration = task state entry to exit in the history; a callback task (waiting for people or a deadline) is billed at the median quick task; tasks billed at 1.5 GB (the report task renders a PDF).',
    'DynamoDB units as dynalite reports them (ReturnConsumedCapacity), consistent reads; deadline items are EventBridge schedules on AWS, priced per firing instead.',
    'Mails = outbox messages (SES); PDFs stored = S3 PUTs; one KMS Sign per certificate; CloudWatch Logs, X-Ray and data transfer are not counted.',
  ],
  prices: PRICES,
};
await runtime.close();
rmSync(dataDir, { recursive: true, force: true });
reply(result);
