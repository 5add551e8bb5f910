// The parent's side of runtime-child.ts: starts the local runtime in its own process, talks to it over
// IPC, and gives the API helpers the benchmarks need to set up what they load.
import { fork, type ChildProcess } from 'node:child_process';
import { SEED } from '#local/seed';
import { validProposal } from '../test/support/fixtures.ts';
import { BENCH_DIR } from './child.ts';
import type { RuntimeCommand, RuntimeMessage } from './runtime-child.ts';
import type { ScaleSeed } from './scale-seed.ts';
import { within } from './stats.ts';

export interface RuntimeHandle {
  url: string;
  /** The child's process id (its resident memory is read from /proc). */
  pid: number;
  seed(seed: ScaleSeed): Promise<{ datasets: number; proposals: number; ms: number }>;
  close(): Promise<void>;
}

/** `store: 'disk'` keeps DynamoDB's data in files, as `npm start` does, instead of in the child's memory. */
export async function startRuntimeChild(store: 'memory' | 'disk' = 'memory'): Promise<RuntimeHandle> {
  const child: ChildProcess = fork(`${BENCH_DIR}runtime-child.ts`, [store], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<RuntimeMessage>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`runtime child exited ${code}`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as RuntimeMessage);
      });
    });
  const send = (command: RuntimeCommand) => child.send(command);
  const ready = await within(60_000, 'runtime child start', next());
  if (!('ready' in ready)) throw new Error(`runtime child: ${JSON.stringify(ready)}`);
  return {
    url: ready.ready.url,
    pid: child.pid!,
    async seed(seed) {
      const answer = next();
      send({ seed });
      const message = await within(240_000, 'seeding', answer);
      if ('seeded' in message) return message.seeded;
      throw new Error(`seeding failed: ${'failed' in message ? message.failed : JSON.stringify(message)}`);
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ close: true });
      await within(30_000, 'runtime child close', exited).catch(() => child.kill());
    },
  };
}

/** A small JSON client for the set-up steps (the load itself goes through autocannon). */
export function api(url: string) {
  async function call(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        accept: 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return parsed as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
    put: (path: string, body: unknown, token?: string) => call('PUT', path, body, token),
    async token(role: 'agency' | 'operator', agencyId?: string): Promise<string> {
      return (await call('POST', '/_local/token', { role, agencyId })).token as string;
    },
    /** A proposal of the seed's subordinate agency, submitted: in consultation. */
    async proposalInConsultation(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
      const id = (await call('POST', '/fee-proposals', validProposal(overrides), token)).id as string;
      await call('POST', `/fee-proposals/${id}/submit`, {}, token);
      return id;
    },
  };
}

export const OPEN_DATASET = SEED.datasets.open;
export const AGENCY = SEED.subordinate;
