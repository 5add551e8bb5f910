// The errors the workflow retries are matched by name (ErrorEquals), and Step Functions sees the
// name the deployed bundle gives its error. Every name the definition lists, other than those
// Step Functions and Lambda raise themselves, is checked here against the task bundles: each task
// is made to fail in the way that name stands for, and the error its bundle throws must carry
// exactly that name (a minifier that renames classes, or a renamed class, fails here).
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, localCredentials, startDynalite } from '#local/dynalite-server';
import { reviewTaskFunctions } from '#tasks/task-functions';
import { readDefinition } from '../../workflows/load.ts';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { proposalRepository } from '#ports/proposal-repository';
import { validProposal } from '../support/fixtures.ts';
import { builtBundles } from './support.ts';

type Placeholder = keyof typeof reviewTaskFunctions;
interface TaskState {
  Parameters?: { FunctionName?: string };
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[] }[];
}

const definition = JSON.parse(readDefinition('fee-proposal-review')) as { States: Record<string, TaskState> };
/** Raised by Step Functions or the Lambda service (a throttle, a timeout), never by the code in a bundle. */
const serviceRaised = (name: string) => /^(States|Lambda|Sandbox)\./.test(name);

/** Task state → its function's placeholder and the code-raised names its Retry and Catch list. */
const tasks = Object.entries(definition.States).flatMap(([state, s]) => {
  const placeholder = /^\$\{(\w+)\}$/.exec(s.Parameters?.FunctionName ?? '')?.[1] as Placeholder | undefined;
  if (!placeholder) return [];
  const names = [...(s.Retry ?? []), ...(s.Catch ?? [])]
    .flatMap((r) => r.ErrorEquals)
    .filter((n) => !serviceRaised(n));
  return [{ state, placeholder, names: [...new Set(names)] }];
});

const input = (proposalId: string) => ({
  proposalId,
  version: 1,
  round: 1,
  taskToken: 'token',
  outcome: 'APPROVED',
  execution: { proposalId, version: 1, round: 1 },
  phase: 'CONSULTATION_CLOSE',
});
/** In consultation; the conflict probe makes every write to it lose. */
const PRESENT = 'fp-present';
let loads = 0;

/** A fresh copy of the task's bundle (its SDK clients read the endpoints as they are now). */
async function taskBundle(placeholder: Placeholder): Promise<(event: unknown) => Promise<unknown>> {
  const dir = builtBundles().get(reviewTaskFunctions[placeholder])!;
  const url = `${pathToFileURL(join(dir, 'index.mjs')).href}?probe=${loads++}`;
  return ((await import(url)) as { handler: (event: unknown) => Promise<unknown> }).handler;
}

async function thrown(placeholder: Placeholder, proposalId: string): Promise<string> {
  const handler = await taskBundle(placeholder);
  const error = await handler(input(proposalId)).then(
    () => new Error('the task succeeded'),
    (e: unknown) => e,
  );
  return `${(error as Error).name}: ${(error as Error).message}`;
}

let dynalite: Awaited<ReturnType<typeof startDynalite>>;
const servers: Server[] = [];
let down: string;
let racing: string;

const DYNAMO_JSON = { 'content-type': 'application/x-amz-json-1.0' };
const dynamoError = (type: string) =>
  JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'Injected.' });

/** A DynamoDB endpoint on loopback: `answer` replies itself, or returns undefined to pass the call to dynalite. */
async function dynamoEndpoint(answer: (target: string) => { status: number; body: string } | undefined) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const own = answer(String(req.headers['x-amz-target']));
      if (own) return void res.writeHead(own.status, DYNAMO_JSON).end(own.body);
      void fetch(dynalite.endpoint, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }).then(async (r) => res.writeHead(r.status, DYNAMO_JSON).end(Buffer.from(await r.arrayBuffer())));
    });
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * How a step meets a conflict with the stored proposal: the execution's proposal is gone (steps
 * that read it first), or every write to it loses its race (steps that update it in place).
 */
const CONFLICTS: Partial<Record<Placeholder, 'gone' | 'racing'>> = {
  CloseConsultationFunctionArn: 'racing',
  PublishConsultationReportFunctionArn: 'gone',
  OpenVoteFunctionArn: 'gone',
  ApplyDecisionFunctionArn: 'gone',
};

/**
 * How to make a task fail in the way each name stands for; returns the proposal to name.
 * - ServiceUnavailableError: DynamoDB answers every call with a 500 (a dependency down).
 * - ConflictError: as CONFLICTS says for the step.
 */
const PROBES: Record<string, (placeholder: Placeholder) => string> = {
  ServiceUnavailableError: () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = down;
    return PRESENT;
  },
  ConflictError: (placeholder) => {
    const how = CONFLICTS[placeholder];
    if (!how) throw new Error(`Say in CONFLICTS how ${placeholder} meets a conflict.`);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = how === 'racing' ? racing : dynalite.endpoint;
    return how === 'racing' ? PRESENT : 'fp-gone';
  },
};

beforeAll(async () => {
  dynalite = await startDynalite();
  await ensureTable(dynalite.endpoint, 'error-names');
  down = await dynamoEndpoint(() => ({ status: 500, body: dynamoError('InternalServerError') }));
  racing = await dynamoEndpoint((target) =>
    /\.(PutItem|UpdateItem|DeleteItem)$/.test(target)
      ? { status: 400, body: dynamoError('ConditionalCheckFailedException') }
      : undefined,
  );
  Object.assign(process.env, {
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    TABLE_NAME: 'error-names',
    LOG_LEVEL: 'silent',
    BLOB_BUCKET: 'probe-pdfs',
    MAIL_FROM: 'no-reply@ogdl.example.gov.tw',
    AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
  });
  const now = new Date().toISOString();
  await proposalRepository.create({
    ...FeeProposalInputSchema.parse(validProposal()),
    id: PRESENT,
    status: 'IN_CONSULTATION',
    version: 1,
    createdAt: now,
    updatedAt: now,
    consultation: { round: 1, opensAt: now, closesAt: now, days: 60, extensions: [] },
  });
});
afterAll(async () => {
  for (const server of servers) server.close();
  await dynalite?.close();
});

describe('the error names of the workflow definition', () => {
  it('are each one a probe here can produce', () => {
    const listed = [...new Set(tasks.flatMap((t) => t.names))].sort();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(Object.keys(PROBES).sort());
  });

  it.each(tasks.flatMap((t) => t.names.map((name) => [t.state, name, t.placeholder] as const)))(
    '"%s" retries %s: its bundle throws exactly that name',
    async (_state, name, placeholder) => {
      const proposalId = PROBES[name]!(placeholder);
      expect(await thrown(placeholder, proposalId)).toMatch(new RegExp(`^${name}:`));
    },
  );
});
