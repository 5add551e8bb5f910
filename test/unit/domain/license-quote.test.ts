import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '#domain/errors';
import type { FeeItem, Purpose } from '#domain/fee-proposal';
import { quoteLicense, type FeeSchedule } from '#domain/license-quote';
import { feeItem } from './fixtures.ts';

function schedule(overrides: Partial<FeeSchedule> = {}): FeeSchedule {
  return {
    proposalId: 'fp-household',
    items: [
      feeItem({ id: 'extract', amountTwd: 300 }),
      feeItem({ id: 'per-gb', unit: 'PER_GB', amountTwd: 45 }),
    ],
    reductions: [{ purpose: 'ACADEMIC', percent: 50 }],
    effectiveFrom: '2026-07-01',
    status: 'EFFECTIVE',
    ...overrides,
  };
}

describe('quoteLicense', () => {
  it('charges each item once by default and applies the declared reduction', () => {
    // Act
    const quote = quoteLicense({ schedule: schedule(), requestDate: '2026-07-01', purpose: 'ACADEMIC' });

    // Assess
    expect(quote).toMatchObject({ subtotalTwd: 345, reductionPercent: 50, reductionTwd: 173, totalTwd: 172 });
    expect(quote.scheduleId).toBe('fp-household');
    expect(quote.items.map((l) => [l.id, l.quantity, l.amountTwd, l.lineTotalTwd])).toEqual([
      ['extract', 1, 300, 300],
      ['per-gb', 1, 45, 45],
    ]);
  });

  it('multiplies by the requested quantities', () => {
    const quote = quoteLicense({
      schedule: schedule(),
      requestDate: '2026-08-01',
      purpose: 'COMMERCIAL',
      quantities: { 'per-gb': 12, extract: 0 },
    });
    expect(quote.items.map((l) => l.lineTotalTwd)).toEqual([0, 540]);
    expect(quote.totalTwd).toBe(540);
  });

  it('applies no reduction to a purpose the schedule does not declare', () => {
    const quote = quoteLicense({
      schedule: schedule(),
      requestDate: '2026-08-01',
      purpose: 'PUBLIC_INTEREST',
    });
    expect(quote).toMatchObject({ reductionPercent: 0, reductionTwd: 0, totalTwd: 345 });
  });

  it('refuses a request before the schedule takes effect', () => {
    // Act
    const act = () => quoteLicense({ schedule: schedule(), requestDate: '2026-06-30', purpose: 'ACADEMIC' });

    // Assess
    expect(act).toThrow(RuleViolationError);
    expect(act).toThrow(expect.objectContaining({ code: 'SCHEDULE_NOT_EFFECTIVE' }));
    expect(act).toThrow(/takes effect on 2026-07-01/);
  });

  it.each(['DRAFT', 'UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'] as const)(
    'refuses a schedule that is %s',
    (status) => {
      expect(() =>
        quoteLicense({ schedule: schedule({ status }), requestDate: '2026-08-01', purpose: 'ACADEMIC' }),
      ).toThrow(expect.objectContaining({ code: 'SCHEDULE_NOT_EFFECTIVE' }));
    },
  );

  it('prices from an approved schedule on its effective date before it is marked effective', () => {
    expect(
      quoteLicense({
        schedule: schedule({ status: 'APPROVED' }),
        requestDate: '2026-07-01',
        purpose: 'COMMERCIAL',
      }).totalTwd,
    ).toBe(345);
  });

  it('refuses quantities for unknown items or that are not whole numbers', () => {
    for (const quantities of [{ copy: 1 }, { extract: 1.5 }, { extract: -1 }] as Record<string, number>[]) {
      expect(() =>
        quoteLicense({ schedule: schedule(), requestDate: '2026-08-01', purpose: 'ACADEMIC', quantities }),
      ).toThrow(ValidationError);
    }
  });

  it('rounds a half-dollar reduction up, in the licensee’s favour', () => {
    // 25% of 2 TWD is 0.5 TWD
    const tiny = schedule({
      items: [feeItem({ amountTwd: 2 })],
      reductions: [{ purpose: 'ACADEMIC', percent: 25 }],
    });
    expect(quoteLicense({ schedule: tiny, requestDate: '2026-08-01', purpose: 'ACADEMIC' })).toMatchObject({
      reductionTwd: 1,
      totalTwd: 1,
    });
  });
});

describe('quoteLicense: properties', () => {
  const purposes: Purpose[] = ['COMMERCIAL', 'NON_COMMERCIAL', 'ACADEMIC', 'PUBLIC_INTEREST'];
  const pricedItems = fc
    .array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 50 })
    .map((amounts): FeeItem[] => amounts.map((amountTwd, i) => feeItem({ id: `i${i}`, amountTwd })));
  const quantities = (items: FeeItem[]) =>
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: items.length, maxLength: items.length });

  it('keeps the total between zero and the subtotal, in whole dollars', () => {
    fc.assert(
      fc.property(
        pricedItems.chain((items) => fc.tuple(fc.constant(items), quantities(items))),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(...purposes),
        ([items, counts], percent, purpose) => {
          const q = Object.fromEntries(items.map((it, i) => [it.id, counts[i]!]));
          const quote = quoteLicense({
            schedule: schedule({ items, reductions: [{ purpose, percent }] }),
            requestDate: '2026-08-01',
            purpose,
            quantities: q,
          });
          expect(Number.isSafeInteger(quote.subtotalTwd)).toBe(true);
          expect(Number.isInteger(quote.totalTwd)).toBe(true);
          expect(quote.totalTwd).toBeGreaterThanOrEqual(0);
          expect(quote.totalTwd).toBeLessThanOrEqual(quote.subtotalTwd);
          // Round half up: the reduction is within half a dollar of the exact one, ties rounded up.
          // BigInt: subtotal × percent can pass 2^53.
          const gap = BigInt(quote.reductionTwd) * 100n - BigInt(quote.subtotalTwd) * BigInt(percent);
          expect(gap > -50n && gap <= 50n).toBe(true);
          if (percent === 100) expect(quote.totalTwd).toBe(0);
        },
      ),
    );
  });

  it('charges the subtotal when no reduction is declared for the purpose', () => {
    fc.assert(
      fc.property(pricedItems, fc.constantFrom(...purposes), (items, purpose) => {
        const declared = purposes.filter((p) => p !== purpose).map((p) => ({ purpose: p, percent: 40 }));
        const quote = quoteLicense({
          schedule: schedule({ items, reductions: declared }),
          requestDate: '2026-08-01',
          purpose,
        });
        expect(quote.totalTwd).toBe(quote.subtotalTwd);
        expect(quote.subtotalTwd).toBe(items.reduce((s, it) => s + it.amountTwd, 0));
      }),
    );
  });
});
