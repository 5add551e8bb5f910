import { describe, expect, it } from 'vitest';
import { scheduleTimeline, withSchedule, type FeeScheduleEntry } from '#domain/fee-schedule';

const entry = (
  proposalId: string,
  effectiveFrom: string,
  overrides: Partial<FeeScheduleEntry> = {},
): FeeScheduleEntry => ({
  proposalId,
  title: { zh: proposalId, en: proposalId },
  effectiveFrom,
  status: 'APPROVED',
  publishedAt: '2026-01-01T00:00:00.000Z',
  items: [{ id: 'sheet', name: { zh: '圖', en: 'Sheet' }, unit: 'PER_FILE', amountTwd: 20 }],
  reductions: [],
  legalBasis: '規費法第 10 條',
  ...overrides,
});

describe('scheduleTimeline', () => {
  const a = entry('a', '2026-03-01', { status: 'EFFECTIVE' });
  const b = entry('b', '2026-09-01', { publishedAt: '2026-05-01T00:00:00.000Z' });
  const both = withSchedule(withSchedule([], a), b);

  it('has nothing in force before the first schedule’s date (the data is free)', () => {
    const t = scheduleTimeline(both, '2026-02-28');
    expect(t.inForce).toBeUndefined();
    expect(t.next?.proposalId).toBe('a');
  });

  it('keeps A in force between B’s approval and B’s date, with B as next', () => {
    const t = scheduleTimeline(both, '2026-08-31');
    expect(t.inForce?.proposalId).toBe('a');
    expect(t.next?.proposalId).toBe('b');
    expect(t.history.map((e) => [e.proposalId, e.supersededAt])).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('puts B in force on its date and records the date A was superseded', () => {
    const t = scheduleTimeline(both, '2026-09-01');
    expect(t.inForce?.proposalId).toBe('b');
    expect(t.next).toBeUndefined();
    expect(t.history.map((e) => [e.proposalId, e.supersededAt])).toEqual([
      ['a', '2026-09-01'],
      ['b', undefined],
    ]);
  });

  it('orders by effective date whatever the order of approval, and the later published wins a tie', () => {
    const c = entry('c', '2026-09-01', { publishedAt: '2026-06-01T00:00:00.000Z' });
    const all = withSchedule(withSchedule(withSchedule([], b), c), a);
    expect(all.map((e) => e.proposalId)).toEqual(['a', 'b', 'c']);
    expect(scheduleTimeline(all, '2026-10-01').inForce?.proposalId).toBe('c');
  });

  it('replaces a schedule’s entry on a status change, keeping when it was first published', () => {
    const effective = withSchedule(both, {
      ...b,
      status: 'EFFECTIVE',
      publishedAt: '2026-09-01T00:00:00.000Z',
    });
    expect(effective).toHaveLength(2);
    expect(effective[1]).toMatchObject({ proposalId: 'b', status: 'EFFECTIVE', publishedAt: b.publishedAt });
  });
});
