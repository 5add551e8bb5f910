// Seeds the table at scale straight through the repositories (the same conditional writes the use cases
// make, without HTTP or the rules around them): datasets spread over bench agencies, and proposals in
// consultation copied from one real proposal that went through the API. Writes run with bounded
// concurrency so that dynalite is kept busy without being flooded.
import { ulid } from 'ulid';
import { DatasetSchema } from '#domain/dataset';
import { proposalRepository } from '#ports/proposal-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import { SEED } from '#local/seed';

export interface ScaleSeed {
  /** Bench datasets to have in total after this call (the seed's own three are not counted). */
  datasets: number;
  /** Proposals in consultation to have in total after this call (the template not counted). */
  proposals: number;
  /** A proposal in consultation, submitted through the API, whose record the copies are made from. */
  templateProposalId: string;
}

export const BENCH_AGENCIES = 100;
export const benchAgencyId = (n: number) => `bench-agency-${String(n).padStart(3, '0')}`;
export const benchDatasetId = (n: number) => `bench-ds-${String(n).padStart(5, '0')}`;
const CONCURRENCY = 16;

let datasetsSeeded = 0;
let proposalsSeeded = 0;
const seededProposalIds: string[] = [];

export async function seedAtScale(seed: ScaleSeed): Promise<{ datasets: number; proposals: number }> {
  if (datasetsSeeded === 0) {
    await inParallel(BENCH_AGENCIES, (n) =>
      agencyRepository.create({
        id: benchAgencyId(n),
        parentId: SEED.ministry,
        name: { zh: `測試機關 ${n}`, en: `Bench agency ${n}` },
        contactEmail: `opendata-${n}@bench.example.tw`,
      }),
    );
  }
  const from = datasetsSeeded;
  await inParallel(seed.datasets - from, async (i) => {
    const n = from + i;
    await datasetRepository.create(
      DatasetSchema.parse({
        id: benchDatasetId(n),
        agencyId: benchAgencyId(n % BENCH_AGENCIES),
        title: { zh: `測試資料集 ${n}`, en: `Bench dataset ${n}` },
        version: '2026.1',
        classification: n % 3 === 0 ? 'ON_APPLICATION' : 'OPEN',
        releaseYear: 2026,
        conditionsOfUse: {
          title: { zh: '測試利用條件', en: 'Bench conditions of use' },
          version: '1',
          url: 'https://example.gov.tw/conditions',
        },
        description: { zh: '基準測試用資料集。', en: 'A dataset seeded for the benchmarks.' },
      }),
    );
  });
  datasetsSeeded = Math.max(datasetsSeeded, seed.datasets);

  const template = await proposalRepository.get(seed.templateProposalId);
  if (!template) throw new Error(`template proposal ${seed.templateProposalId} not found`);
  const proposalsFrom = proposalsSeeded;
  await inParallel(seed.proposals - proposalsFrom, async () => {
    const id = `fp-${ulid().toLowerCase()}`;
    await proposalRepository.create({ ...template.value, id });
    seededProposalIds.push(id);
  });
  proposalsSeeded = Math.max(proposalsSeeded, seed.proposals);
  return { datasets: datasetsSeeded, proposals: proposalsSeeded };
}

async function inParallel(count: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, Math.max(0, count)) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
