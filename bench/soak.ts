// The busy-day soak (`npm run bench -- --soak`, or alone with `--soak-only`): the local runtime in a
// child process, DynamoDB on disk as `npm start` keeps it, under a day's mixed traffic for SOAK.seconds
// of wall time. Requests arrive at fixed rates (open loop: a slow answer does not slow the arrivals):
// - a campaign of 5,000 comments on one proposal while the local clock stays in its consultation's
//   first hour, in the first half of the run;
// - 2,000 license requests through the whole run, OPEN and on application alternating; every fifth
//   OPEN one is confirmed from its mailed link (in rounds every 15 s), which issues (renders and
//   signs) its certificate;
// - 200 proposals created and submitted in the first half; then the clock moves 61 days (every
//   consultation closes and its report is rendered, the campaign's with its 5,000 comments), and
//   four of the seven members approve each of the 200 from their mailed ballot links.
// Measured: p50/p99/max and errors per route, and the child's resident memory every 10 s.
import { readFileSync } from 'node:fs';
import { SEED } from '#local/seed';
import { validProposal } from '../test/support/fixtures.ts';
import { linksIn, mailsTo, outbox, readMail } from '../test/support/outbox.ts';
import { api, AGENCY, type RuntimeHandle } from './runtime-handle.ts';
import { round, summarize, type Summary } from './stats.ts';

export const SOAK = {
  seconds: 330,
  comments: 5_000,
  licenses: 2_000,
  proposals: 200,
  approvals: 4,
  /** RSS samples before this are the warm-up (modules compiled, caches filled), not held to flatness. */
  warmupSeconds: 60,
  sampleEverySeconds: 10,
} as const;

const MEMBERS = ['convener', 'agency-rep', 'civil-1', 'civil-2'];

export interface SoakRoute {
  route: string;
  requests: number;
  errors: number;
  ms: Summary;
}

export interface SoakResult {
  seconds: number;
  routes: SoakRoute[];
  /** Seconds since the start, and the child's resident memory then. */
  rss: { atSeconds: number; mb: number }[];
  /** (max − min) / min of the samples after the warm-up. */
  rssSpreadAfterWarmup: number;
  /** POST /_local/clock {advanceBy: P61D}: every consultation closing and its report rendered. */
  clockJumpMs: number;
  /** Where the 200 proposals stand at the end, by status. */
  proposalStatuses: Record<string, number>;
  errorSamples: string[];
}

/** `scale` below 1 sends that share of every count (a short trial run); the committed run uses 1. */
export async function soak(
  runtime: RuntimeHandle,
  log: (line: string) => void,
  seconds: number = SOAK.seconds,
  scale = 1,
): Promise<SoakResult> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const client = api(runtime.url);
  const agency = await client.token('agency', AGENCY);
  const campaign = await client.proposalInConsultation(agency);
  const times = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const errorSamples: string[] = [];

  async function timed(route: string, method: string, path: string, body?: unknown, token?: string) {
    const started = performance.now();
    try {
      const res = await fetch(`${runtime.url}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 200)}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch (error) {
      errors.set(route, (errors.get(route) ?? 0) + 1);
      if (errorSamples.length < 10) errorSamples.push(`${route}: ${String(error)}`);
      return undefined;
    } finally {
      const list = times.get(route) ?? [];
      list.push(performance.now() - started);
      times.set(route, list);
    }
  }

  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const half = seconds / 2;
  const inFlight = new Set<Promise<unknown>>();
  /** Sends `count` requests evenly from `from` to `to` seconds after the start, without waiting for answers. */
  async function paced(count: number, from: number, to: number, send: (i: number) => Promise<unknown>) {
    for (let i = 0; i < count; i++) {
      const due = from + ((to - from) * i) / count;
      const wait = due - elapsed();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      const request = send(i);
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
  }

  const rss: SoakResult['rss'] = [];
  const sampler = setInterval(() => {
    rss.push({ atSeconds: round(elapsed(), 0), mb: residentMb(runtime.pid) });
  }, SOAK.sampleEverySeconds * 1000);

  // The campaign's hour: an operator moves the clock one minute at a time, each move awaited (it
  // settles the workflows) before the next is due.
  const clockMinutes = (async () => {
    for (let minute = 1; minute < 60; minute++) {
      const wait = (half * minute) / 60 - elapsed();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      await timed('POST /_local/clock (one minute)', 'POST', '/_local/clock', { advanceBy: 'PT1M' });
    }
  })();
  const comments = paced(n(SOAK.comments), 0, half, (i) =>
    timed('POST /fee-proposals/{id}/comments', 'POST', `/fee-proposals/${campaign}/comments`, {
      body: `第 ${i + 1} 則意見：請公開每幅圖之成本計算。Please publish the cost basis (${i + 1}).`,
      author: { name: `民眾 ${i + 1}` },
    }),
  );
  const proposals: string[] = [];
  const submissions = paced(n(SOAK.proposals), 0, half, async (i) => {
    const created = await timed(
      'POST /fee-proposals',
      'POST',
      '/fee-proposals',
      validProposal({ title: { zh: `浸泡測試收費基準 ${i + 1}`, en: `Soak fee schedule ${i + 1}` } }),
      agency,
    );
    if (!created) return;
    proposals.push(created.id as string);
    await timed('POST /fee-proposals/{id}/submit', 'POST', `/fee-proposals/${created.id}/submit`, {}, agency);
  });
  // Confirmations go out in rounds: one read of the outbox finds the links mailed since the last round
  // (reading it per licensee would load the runtime with thousands of outbox listings).
  const toConfirm = new Set<string>();
  async function confirmRound(): Promise<void> {
    if (toConfirm.size === 0) return;
    for (const entry of await outbox(runtime.url)) {
      const email = entry.to.find((to) => toConfirm.has(to));
      if (!email) continue;
      toConfirm.delete(email);
      const secret = linksIn(await readMail(runtime.url, entry.id))
        .find((l) => l.includes('/license-confirmations/'))
        ?.split('/')
        .at(-1);
      if (secret)
        await timed(
          'POST /license-confirmations/{secret} (certificate issued)',
          'POST',
          `/license-confirmations/${secret}`,
          {},
        );
    }
  }
  let confirming = Promise.resolve();
  const confirmEvery15s = () =>
    setInterval(() => {
      confirming = confirming.then(confirmRound).catch((error: unknown) => {
        errorSamples.push(`confirmation round: ${String(error)}`);
      });
    }, 15_000);
  let confirmer = confirmEvery15s();
  const licenses = paced(n(SOAK.licenses), 0, seconds - 20, async (i) => {
    const open = i % 2 === 0;
    const email = `soak-${i}@bench.example.tw`;
    const answer = await timed(`POST /licenses (${open ? 'OPEN' : 'on application'})`, 'POST', '/licenses', {
      datasetId: open ? SEED.datasets.open : SEED.datasets.onApplication,
      licensee: { name: `浸泡 ${i}`, email },
      purpose: 'ACADEMIC',
    });
    if (answer && open && i % 10 === 0) toConfirm.add(email);
  });
  await Promise.all([clockMinutes, comments, submissions]);
  await Promise.all([...inFlight]);
  log(`    first half done at ${round(elapsed(), 0)} s: ${proposals.length} proposals submitted`);

  // Links mailed so far are confirmed before the clock jumps past their expiry.
  clearInterval(confirmer);
  await confirming;
  await confirmRound();
  confirmer = confirmEvery15s();
  // Every consultation closes: 201 reports, one of them 5,000 comments long.
  const jumpStart = performance.now();
  await timed('POST /_local/clock (P61D)', 'POST', '/_local/clock', { advanceBy: 'P61D' });
  const clockJumpMs = performance.now() - jumpStart;
  const ballots: string[] = [];
  for (const member of MEMBERS) {
    const links = (await mailsTo(runtime.url, `${member}@advisory.example.tw`))
      .flatMap(linksIn)
      .filter((l) => l.includes('/ballots/'));
    ballots.push(...new Set(links));
  }
  log(`    clock moved 61 days in ${round(clockJumpMs / 1000)} s; ${ballots.length} ballot links`);
  const votes = paced(ballots.length, elapsed(), seconds - 10, (i) =>
    timed('POST /ballots/{secret}', 'POST', new URL(ballots[i]!).pathname, {
      decision: 'APPROVE',
      reason: '',
    }),
  );
  await Promise.all([licenses, votes]);
  await Promise.all([...inFlight]);
  clearInterval(confirmer);
  await confirming;
  await confirmRound();
  const remaining = seconds - elapsed();
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining * 1000));
  clearInterval(sampler);
  rss.push({ atSeconds: round(elapsed(), 0), mb: residentMb(runtime.pid) });

  const proposalStatuses: Record<string, number> = {};
  for (const id of proposals) {
    const { status } = await client.get(`/fee-proposals/${id}`);
    proposalStatuses[status] = (proposalStatuses[status] ?? 0) + 1;
  }
  const after = rss.filter((s) => s.atSeconds >= SOAK.warmupSeconds).map((s) => s.mb);
  return {
    seconds: round(elapsed(), 0),
    routes: [...times].map(([route, ms]) => ({
      route,
      requests: ms.length,
      errors: errors.get(route) ?? 0,
      ms: summarize(ms),
    })),
    rss,
    rssSpreadAfterWarmup: round((Math.max(...after) - Math.min(...after)) / Math.min(...after), 3),
    clockJumpMs: round(clockJumpMs),
    proposalStatuses,
    errorSamples,
  };
}

/** VmRSS of a process, from /proc (Linux). */
function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return round(Number(kb) / 1024);
}
