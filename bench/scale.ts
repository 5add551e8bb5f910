// Part 5: do the read routes stay as fast when the table is 30 times larger? The runtime child is seeded
// through the repositories with 1,000 datasets (over 100 bench agencies) and a page's worth of proposals
// in consultation, the routes are timed, then the table grows to 30,000 datasets and 1,000 proposals and
// they are timed again. Requests go one at a time (latency, not throughput), over a kept-alive connection.
import { api, AGENCY, type RuntimeHandle } from './runtime-handle.ts';
import { BENCH_AGENCIES, benchAgencyId, benchDatasetId } from './scale-seed.ts';
import { summarize } from './stats.ts';

export const SCALE = {
  small: { datasets: 1_000, proposals: 33 },
  large: { datasets: 30_000, proposals: 1_000 },
};
const REQUESTS = 150;
/** Requests before timing starts: the first ones pay for compiling the handlers' code paths. */
const WARMUP = 50;

export interface ScaleRoute {
  route: string;
  p50AtSmallMs: number;
  p50AtLargeMs: number;
  note?: string;
}

export async function scale(runtime: RuntimeHandle): Promise<{ routes: ScaleRoute[]; seedMs: number[] }> {
  const client = api(runtime.url);
  const agency = await client.token('agency', AGENCY);
  const templateProposalId = await client.proposalInConsultation(agency);
  const seedMs: number[] = [];

  const probes = (datasets: number) => [
    {
      route: 'GET /datasets/{id}',
      path: (i: number) => `/datasets/${benchDatasetId((i * 7919) % datasets)}`,
    },
    {
      route: 'GET /fee-proposals?status=IN_CONSULTATION',
      path: () => '/fee-proposals?status=IN_CONSULTATION',
    },
    { route: 'GET /agencies/{id} (moi: same datasets at both sizes)', path: () => '/agencies/moi' },
    {
      route: 'GET /agencies/{id} (a bench agency: 1/100 of all datasets)',
      path: () => `/agencies/${benchAgencyId(0)}`,
    },
  ];

  async function measure(datasets: number): Promise<Map<string, number>> {
    const p50 = new Map<string, number>();
    for (const probe of probes(datasets)) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS + WARMUP; i++) {
        const start = performance.now();
        const res = await fetch(`${runtime.url}${probe.path(i)}`, {
          headers: { accept: 'application/json' },
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${probe.route} answered ${res.status}`);
        if (i >= WARMUP) times.push(performance.now() - start);
      }
      p50.set(probe.route, summarize(times).p50);
    }
    return p50;
  }

  seedMs.push((await runtime.seed({ ...SCALE.small, templateProposalId })).ms);
  const small = await measure(SCALE.small.datasets);
  seedMs.push((await runtime.seed({ ...SCALE.large, templateProposalId })).ms);
  const large = await measure(SCALE.large.datasets);
  return {
    seedMs,
    routes: probes(SCALE.large.datasets).map(({ route }) => ({
      route,
      p50AtSmallMs: small.get(route)!,
      p50AtLargeMs: large.get(route)!,
      ...(route.includes('bench agency')
        ? {
            note: `returns all of the agency's datasets in one response (${SCALE.small.datasets / BENCH_AGENCIES} → ${SCALE.large.datasets / BENCH_AGENCIES}): grows with the agency, not the table`,
          }
        : {}),
    })),
  };
}
