import { beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '#ports/dynamo/keys';
import { createItem, getItem } from '#ports/dynamo/table';
import { DEFAULT_LOCK_MS, idempotencyStore, type IdempotencyRecord } from '#ports/idempotency-store';
import { createTestTable } from '../../support/table.ts';

const T0 = new Date('2026-11-02T03:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const response = { statusCode: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"x"}' };

describe('the idempotency store on dynalite', () => {
  beforeAll(async () => {
    await createTestTable();
  });

  it('keeps an in-progress claim locked until its lock expires, then lets the next request take it over', async () => {
    // Prepare: a request claims the key and is never heard from again (its Lambda timed out).
    const first = await idempotencyStore.claim('POST /x#a', 'abandoned-1', 'h1', T0, 10_000);
    expect(first).toEqual({ held: { revision: 1 } });

    // Act + Assess: while locked, a repeat is told the first still runs.
    const early = await idempotencyStore.claim('POST /x#a', 'abandoned-1', 'h1', at(9_999), 10_000);
    expect(early).toMatchObject({ existing: { state: 'IN_PROGRESS', requestHash: 'h1' } });

    // Act + Assess: once the lock has expired, the repeat holds the claim and can complete it.
    const late = await idempotencyStore.claim('POST /x#a', 'abandoned-1', 'h1', at(10_000), 10_000);
    expect(late).toEqual({ held: { revision: 2 } });
    const held = { revision: 2, requestHash: 'h1', startedAt: at(10_000).toISOString() };
    expect(await idempotencyStore.complete('POST /x#a', 'abandoned-1', held, response, at(10_500))).toBe(
      true,
    );
    expect(await idempotencyStore.claim('POST /x#a', 'abandoned-1', 'h1', at(11_000))).toEqual({
      existing: { state: 'COMPLETED', requestHash: 'h1', startedAt: at(10_000).toISOString(), response },
    });
  });

  it('does not let the abandoned request overwrite the claim that took it over', async () => {
    await idempotencyStore.claim('POST /x#a', 'abandoned-2', 'h1', T0, 1_000);
    await idempotencyStore.claim('POST /x#a', 'abandoned-2', 'h1', at(2_000), 1_000);

    const stale = { revision: 1, requestHash: 'h1', startedAt: T0.toISOString() };
    expect(await idempotencyStore.complete('POST /x#a', 'abandoned-2', stale, response, at(2_500))).toBe(
      false,
    );
    await idempotencyStore.release('POST /x#a', 'abandoned-2', stale);

    const stored = await getItem<IdempotencyRecord>(idempotencyKeys('POST /x#a', 'abandoned-2'));
    expect(stored).toMatchObject({
      revision: 2,
      data: { state: 'IN_PROGRESS', startedAt: at(2_000).toISOString() },
    });
  });

  it('gives an expired claim to exactly one of many requests arriving together', async () => {
    await idempotencyStore.claim('POST /x#a', 'abandoned-3', 'h1', T0, 1_000);

    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        idempotencyStore.claim('POST /x#a', 'abandoned-3', 'h1', at(5_000), 1_000),
      ),
    );

    expect(results.filter((r) => 'held' in r)).toHaveLength(1);
    expect(results.filter((r) => 'existing' in r && r.existing.state === 'IN_PROGRESS')).toHaveLength(11);
  });

  it('never takes over a claim for another request body: that is a reused key', async () => {
    await idempotencyStore.claim('POST /x#a', 'abandoned-4', 'h1', T0, 1_000);

    const other = await idempotencyStore.claim('POST /x#a', 'abandoned-4', 'h2', at(60_000));

    expect(other).toMatchObject({ existing: { state: 'IN_PROGRESS', requestHash: 'h1' } });
  });

  it('takes over a claim stored without a lock time once the default lock has passed', async () => {
    const keys = idempotencyKeys('POST /x#a', 'legacy-claim');
    await createItem(
      keys,
      { state: 'IN_PROGRESS', requestHash: 'h1', startedAt: T0.toISOString() },
      {
        code: 'IDEMPOTENCY_CLAIMED',
        message: '',
      },
    );

    expect(
      await idempotencyStore.claim('POST /x#a', 'legacy-claim', 'h1', at(DEFAULT_LOCK_MS - 1)),
    ).toMatchObject({
      existing: { state: 'IN_PROGRESS' },
    });
    expect(await idempotencyStore.claim('POST /x#a', 'legacy-claim', 'h1', at(DEFAULT_LOCK_MS))).toEqual({
      held: { revision: 2 },
    });
  });
});
