import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { FeeProposal } from '#domain/fee-proposal';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { createTestTable } from '../../support/table.ts';
import { validProposal } from '../../support/fixtures.ts';

function proposal(
  id: string,
  status: FeeProposal['status'] = 'IN_CONSULTATION',
  closesAt = '2027-01-01T00:00:00.000Z',
): FeeProposal {
  return {
    ...FeeProposalInputSchema.parse(validProposal()),
    id,
    status,
    version: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    consultation: { round: 1, opensAt: '2026-11-01T00:00:00.000Z', closesAt, days: 61, extensions: [] },
  };
}

describe('repositories on dynalite', () => {
  beforeAll(async () => {
    await createTestTable();
  });

  it('refuses to create the same record twice, keeping the first', async () => {
    const dataset = {
      id: 'ds-twice',
      agencyId: 'a1',
      title: { zh: '甲', en: 'A' },
      version: '1',
      classification: 'OPEN' as const,
    };
    await datasetRepository.create(dataset);
    await expect(datasetRepository.create({ ...dataset, version: '2' })).rejects.toMatchObject({
      code: 'DATASET_EXISTS',
      statusCode: 409,
    });
    expect((await datasetRepository.get('ds-twice'))?.value.version).toBe('1');
  });

  it('refuses a write based on a stale revision', async () => {
    await proposalRepository.create(proposal('fp-stale'));
    const read = (await proposalRepository.get('fp-stale'))!;
    await proposalRepository.replace({ ...read.value, version: 2 }, read.revision);
    await expect(
      proposalRepository.replace({ ...read.value, version: 3 }, read.revision),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await proposalRepository.get('fp-stale'))?.value.version).toBe(2);
  });

  it('lets exactly one of 50 concurrent updates of the same revision win', async () => {
    await proposalRepository.create(proposal('fp-race'));
    const read = (await proposalRepository.get('fp-race'))!;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        proposalRepository.replace({ ...read.value, title: { zh: `${i}`, en: `${i}` } }, read.revision),
      ),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r) => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    expect((await proposalRepository.get('fp-race'))?.revision).toBe(read.revision + 1);
  });

  it('pages through proposals by status in closing-date order without losing or repeating any', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `fp-page-${String(i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await proposalRepository.create(
        proposal(id, 'AWAITING_RESPONSES', `2027-02-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await proposalRepository.listByStatus('AWAITING_RESPONSES', { limit: 5, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it('lists an agency’s proposals by status through the second index', async () => {
    const page = await proposalRepository.listByAgency(validProposal().agencyId, {
      status: 'AWAITING_RESPONSES',
      limit: 100,
    });
    expect(page.items.length).toBe(23);
    expect(page.items.every((p) => p.status === 'AWAITING_RESPONSES')).toBe(true);
  });
});
