// The local runtime stopped at ten different points of a review and started again on the same data
// folder: every review still reaches its decision (and its schedule takes effect), with each step
// of its trail once. Three of the points stop the process with SIGKILL instead of a graceful close.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { apiClient, startTestRuntime, tempDataDir } from '../support/runtime.ts';
import { validProposal } from '../support/fixtures.ts';
import { linksIn, mailsTo } from '../support/outbox.ts';
import { FEE_LAW_STEPS, MEMBERS, memberEmail, taipeiToday } from '../support/review-flow.ts';
import { attempt } from './support/tally.ts';

const POINTS = [
  'after submit',
  'after a comment',
  'after the close deadline fired',
  'mid-answers',
  'right after the last answer, with the report being published',
  'after the vote opened',
  'after some votes',
  'after the deciding vote, before the workflow settled',
  'after approval',
  'before the effective date',
] as const;
type Point = (typeof POINTS)[number];

/** A running service on a data folder: in this process, or a child process that can be killed. */
interface Service {
  url: string;
  stop(): Promise<void>;
}

async function inProcess(dataDir: string): Promise<Service> {
  const runtime: LocalRuntime = await startTestRuntime({ dataDir, inMemory: false });
  return { url: runtime.url, stop: () => runtime.close() };
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** `npm start` as its own process; stop() is SIGKILL: no close, no flush, nothing graceful. */
async function childProcess(dataDir: string): Promise<Service> {
  const port = await freePort();
  const root = resolve(import.meta.dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: root,
    // Only the ready line is read; stderr is not piped, so the child can never block on a full pipe.
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the child runtime did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('local runtime ready')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => fail(new Error(`the child runtime exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((gone) => {
        child.once('exit', () => gone());
        child.kill('SIGKILL');
      }),
  };
}

/** One review, start to effective schedule, with the service stopped and started again at `stopAt`. */
async function reviewStoppedAt(stopAt: Point, start: (dataDir: string) => Promise<Service>): Promise<void> {
  const dataDir = tempDataDir();
  let service = await start(dataDir);
  let api = apiClient(service);
  const tokenRes = await api.post('/_local/token', { role: 'agency', agencyId: SEED.subordinate });
  const token = tokenRes.body.token as string;
  const point = async (here: Point) => {
    if (here !== stopAt) return;
    await service.stop();
    service = await start(dataDir);
    api = apiClient(service);
  };
  const advance = async (by: string) =>
    expect((await api.post('/_local/clock', { advanceBy: by })).status).toBe(200);
  const settle = () => advance('PT0S');

  const created = await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), token);
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  expect((await api.post(`/fee-proposals/${id}/submit`, {}, token)).status).toBe(202);
  await point('after submit');
  const first = (await api.post(`/fee-proposals/${id}/comments`, { body: '第一則意見' })).body.id as string;
  await point('after a comment');
  const second = (await api.post(`/fee-proposals/${id}/comments`, { body: '第二則意見' })).body.id as string;
  await advance('P61D');
  await point('after the close deadline fired');
  const answer = (commentId: string) =>
    api.put(
      `/fee-proposals/${id}/comments/${commentId}/disposition`,
      { disposition: 'NOT_ADOPTED', reply: '維持原案。' },
      token,
    );
  expect((await answer(first)).status).toBe(200);
  await point('mid-answers');
  expect((await answer(second)).status).toBe(200);
  await point('right after the last answer, with the report being published');
  await settle();
  expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('UNDER_REVIEW');
  await point('after the vote opened');

  const vote = async (member: string) => {
    const link = (await mailsTo(service.url, memberEmail(member)))
      .flatMap(linksIn)
      .filter((l) => l.includes('/ballots/'))
      .at(-1)!;
    const res = await api.post(new URL(link).pathname, { decision: 'APPROVE', reason: '' });
    expect(res.status, res.text).toBe(200);
  };
  await vote(MEMBERS[0]);
  await vote(MEMBERS[1]);
  await point('after some votes');
  await vote(MEMBERS[2]);
  await vote(MEMBERS[3]);
  await point('after the deciding vote, before the workflow settled');
  await settle();
  expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('APPROVED');
  await point('after approval');
  const today = await taipeiToday(api);
  for (const step of FEE_LAW_STEPS) {
    const url =
      step.step === 'ANNOUNCEMENT' ? { url: 'https://gazette.nat.gov.tw/egFront/detail.do?id=1' } : {};
    const res = await api.post(
      `/fee-proposals/${id}/steps`,
      { step: step.step, date: today, reference: step.reference, ...url },
      token,
    );
    expect(res.status, res.text).toBe(200);
  }
  expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('ANNOUNCED');
  await advance('P1000D');
  expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('ANNOUNCED');
  await point('before the effective date');
  await advance('P900D'); // past 2031-01-01

  const proposal = (await api.get(`/fee-proposals/${id}`)).body;
  expect(proposal.status).toBe('EFFECTIVE');
  const types = ((await api.get(`/fee-proposals/${id}/events`)).body.items as any[]).map(
    (e) => e.type as string,
  );
  for (const once of [
    'SUBMITTED',
    'NOTICE_PUBLISHED',
    'CONSULTATION_CLOSED',
    'DECIDED_APPROVED',
    'SCHEDULE_TOOK_EFFECT',
  ])
    expect(
      types.filter((t) => t === once),
      `${once} in ${types.join(', ')}`,
    ).toHaveLength(1);
  expect(types.filter((t) => t === 'VOTE_CAST')).toHaveLength(4);
  expect(types).not.toContain('REVIEW_STOPPED');
  await service.stop();
}

describe('stopping the local runtime in the middle of a review', () => {
  for (const point of POINTS) {
    it(`still reaches the decision when stopped ${point}`, async () => {
      await attempt('faults', () => reviewStoppedAt(point, inProcess));
    });
  }

  const killed: Point[] = [
    'after a comment',
    'mid-answers',
    'after the deciding vote, before the workflow settled',
  ];
  for (const point of killed) {
    it(`still reaches the decision when the process is killed ${point}`, async () => {
      await attempt('faults', () => reviewStoppedAt(point, childProcess));
    });
  }
});
