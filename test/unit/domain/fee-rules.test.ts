import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '#domain/errors';
import type { CostLine } from '#domain/fee-proposal';
import {
  assertEffectiveDate,
  assertFeeProposal,
  checkFeeProposal,
  consultationWindow,
  documentedUnitCost,
  earliestEffectiveDate,
  lineCost,
  marginalUnitCost,
  reviewByDate,
} from '#domain/fee-rules';
import { costLine, dataset, feeItem, proposalInput } from './fixtures.ts';

const consultation = { defaultDays: 60, floorDays: 14 };
const ctx = { datasets: [dataset()], consultation };

describe('documentedUnitCost and marginalUnitCost', () => {
  it('adds 0.1 × 3 three times without float error', () => {
    // Prepare: in floating point 0.1 * 3 * 3 sums to 0.9000000000000001
    const item = feeItem({ costLines: [0, 1, 2].map(() => costLine({ quantity: 0.1, unitCostTwd: 3 })) });

    // Act / Assess
    expect(documentedUnitCost(item)).toBe(0.9);
  });

  it('costs one line exactly, with its cents: 1.15 × 3 is 3.45, where floating point gives 3.4499999999999997', () => {
    expect(lineCost(costLine({ quantity: 1.15, unitCostTwd: 3 }))).toBe(3.45);
  });

  it('counts the lines incremental per unit by their category’s default: media, staff time, delivery, anonymisation', () => {
    // Prepare
    const item = feeItem({
      costLines: [
        costLine({ category: 'MEDIA', quantity: 1, unitCostTwd: 10 }),
        costLine({ category: 'PROCESSING', quantity: 0.5, unitCostTwd: 100 }),
        costLine({ category: 'DELIVERY', quantity: 2, unitCostTwd: 5 }),
        costLine({ category: 'PERSONNEL', quantity: 1.25, unitCostTwd: 800 }),
        costLine({ category: 'ANONYMISATION', quantity: 1, unitCostTwd: 7 }),
        costLine({ category: 'INDIRECT', quantity: 1, unitCostTwd: 33 }),
      ],
    });

    // Act / Assess
    expect(marginalUnitCost(item)).toBe(10 + 10 + 1000 + 7);
    expect(documentedUnitCost(item)).toBe(1110);
  });

  it('counts staff time per request (retrieval, review, copying) as marginal: 政府資訊公開法 §22', () => {
    expect(marginalUnitCost(feeItem({ costLines: [costLine({ category: 'PERSONNEL' })] }))).toBe(100);
  });

  it('follows a line’s own flag over its category’s default', () => {
    const item = feeItem({
      costLines: [
        costLine({
          category: 'PROCESSING',
          unitCostTwd: 50,
          incrementalPerUnit: true,
          incrementalReason: 'Per request.',
        }),
        costLine({
          category: 'PERSONNEL',
          unitCostTwd: 900,
          incrementalPerUnit: false,
          incrementalReason: 'One-off build.',
        }),
      ],
    });
    expect(marginalUnitCost(item)).toBe(50);
  });

  it('needs a reason for a flag that differs from the category’s default, and none for one that agrees', () => {
    const item = feeItem({
      amountTwd: 50,
      costLines: [
        costLine({ category: 'PROCESSING', unitCostTwd: 50, incrementalPerUnit: true }),
        costLine({ category: 'MEDIA', unitCostTwd: 10, incrementalPerUnit: true }),
      ],
    });
    expect(checkFeeProposal(proposalInput({ items: [item] }), ctx).map((d) => [d.path, d.rule])).toEqual([
      ['items.0.costLines.0.incrementalReason', 'INCREMENTAL_OVERRIDE_NEEDS_REASON'],
    ]);
  });

  it('needs no exception reason when the charge stays within the incremental cost', () => {
    const item = feeItem({
      amountTwd: 400,
      costLines: [costLine({ category: 'PERSONNEL', quantity: 0.5, unitCostTwd: 800 })],
    });
    expect(checkFeeProposal(proposalInput({ items: [item] }), ctx)).toEqual([]);
  });

  it('equals the exact decimal sum for any cost lines (property)', () => {
    const line = fc.record({
      category: fc.constantFrom(
        'MEDIA',
        'PERSONNEL',
        'PROCESSING',
        'DELIVERY',
        'ANONYMISATION',
        'INDIRECT' as const,
      ),
      hundredths: fc.integer({ min: 1, max: 1_000_000 }), // quantity 0.01 to 10 000
      unitCostTwd: fc.integer({ min: 0, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (raw) => {
        // Quantities as a client would send them: decimals with at most two places.
        const costLines: CostLine[] = raw.map((l) => ({
          category: l.category,
          description: 'line',
          quantity: l.hundredths / 100,
          unitCostTwd: l.unitCostTwd,
        }));
        const exact = raw.reduce((s, l) => s + BigInt(l.hundredths) * BigInt(l.unitCostTwd), 0n);
        const documented = documentedUnitCost({ costLines });
        expect(documented).toBe(Number(exact) / 100);
        // At most two decimals: scaling by 100 lands on an integer (up to double precision).
        expect(Math.round(documented * 100)).toBe(Number(exact));
        expect(marginalUnitCost({ costLines })).toBeLessThanOrEqual(documented);
      }),
    );
  });
});

describe('checkFeeProposal', () => {
  it('finds nothing wrong with a charge at its marginal cost', () => {
    expect(checkFeeProposal(proposalInput(), ctx)).toEqual([]);
  });

  it('refuses a charge above the documented unit cost at the item path', () => {
    // Prepare: the second item documents 320.5 TWD and charges 321
    const input = proposalInput({
      items: [
        feeItem({ id: 'a' }),
        feeItem({
          id: 'b',
          amountTwd: 321,
          exceptionReason: 'Staff review every request.',
          costLines: [costLine({ category: 'PERSONNEL', quantity: 0.5, unitCostTwd: 641 })],
        }),
      ],
    });

    // Act
    const details = checkFeeProposal(input, ctx);

    // Assess
    expect(details).toEqual([
      expect.objectContaining({ path: 'items.1.amountTwd', rule: 'CHARGE_EXCEEDS_UNIT_COST' }),
    ]);
    expect(details[0]?.message).toContain('320.5');
  });

  it('accepts a charge equal to the documented unit cost when the exception is explained', () => {
    const item = feeItem({
      amountTwd: 400,
      exceptionReason: 'Manual de-identification.',
      costLines: [costLine({ category: 'PERSONNEL', quantity: 0.5, unitCostTwd: 800 })],
    });
    expect(checkFeeProposal(proposalInput({ items: [item] }), ctx)).toEqual([]);
  });

  it('needs an exception reason for a charge above marginal cost', () => {
    // Prepare: marginal 100, documented 900 (building the data once is not marginal), charge 500
    const item = feeItem({
      amountTwd: 500,
      costLines: [costLine(), costLine({ category: 'PROCESSING', quantity: 1, unitCostTwd: 800 })],
    });

    // Act
    const details = checkFeeProposal(proposalInput({ items: [item] }), ctx);

    // Assess
    expect(details.map((d) => [d.path, d.rule])).toEqual([
      ['items.0.exceptionReason', 'EXCEPTION_REASON_REQUIRED'],
    ]);
  });

  it('refuses a fee on an open dataset', () => {
    const details = checkFeeProposal(proposalInput(), {
      ...ctx,
      datasets: [dataset({ classification: 'OPEN' })],
    });
    expect(details).toEqual([
      expect.objectContaining({ path: 'datasetIds.0', rule: 'FEE_ON_NON_APPLICATION_DATASET' }),
    ]);
    expect(details[0]?.message).toMatch(/open data/);
  });

  it('refuses a fee on a dataset that is not provided', () => {
    const withheld = dataset({ classification: 'NOT_PROVIDED', notProvidedReason: 'Privacy' });
    expect(checkFeeProposal(proposalInput(), { ...ctx, datasets: [withheld] })[0]?.rule).toBe(
      'FEE_ON_NON_APPLICATION_DATASET',
    );
  });

  it("refuses unknown datasets and another agency's datasets, each at its index", () => {
    // Prepare
    const input = proposalInput({ datasetIds: ['household-register', 'no-such-set', 'land-register'] });
    const datasets = [dataset(), dataset({ id: 'land-register', agencyId: 'moi-land' })];

    // Act
    const details = checkFeeProposal(input, { ...ctx, datasets });

    // Assess
    expect(details.map((d) => [d.path, d.rule])).toEqual([
      ['datasetIds.1', 'UNKNOWN_DATASET'],
      ['datasetIds.2', 'DATASET_NOT_OWNED'],
    ]);
  });

  it('uses the default length when none is asked and needs no reason for it', () => {
    expect(checkFeeProposal(proposalInput({ consultationDays: undefined }), ctx)).toEqual([]);
  });

  it('needs an urgency reason for a shortened consultation', () => {
    expect(checkFeeProposal(proposalInput({ consultationDays: 30 }), ctx)).toEqual([
      expect.objectContaining({ path: 'urgencyReason', rule: 'SHORTENED_CONSULTATION_NEEDS_REASON' }),
    ]);
    expect(
      checkFeeProposal(proposalInput({ consultationDays: 30, urgencyReason: 'Court order.' }), ctx),
    ).toEqual([]);
  });

  it('refuses a consultation below the floor even with an urgency reason', () => {
    const details = checkFeeProposal(proposalInput({ consultationDays: 13, urgencyReason: 'Urgent.' }), ctx);
    expect(details.map((d) => d.rule)).toEqual(['CONSULTATION_TOO_SHORT']);
  });

  it('accepts exactly the floor with a reason', () => {
    expect(checkFeeProposal(proposalInput({ consultationDays: 14, urgencyReason: 'Urgent.' }), ctx)).toEqual(
      [],
    );
  });
});

describe('assertFeeProposal', () => {
  it('throws a 422 coded with the first broken rule and listing all of them', () => {
    // Prepare
    const input = proposalInput({ items: [feeItem({ amountTwd: 101 })], consultationDays: 7 });

    // Act
    let caught: unknown;
    try {
      assertFeeProposal(input, ctx);
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(RuleViolationError);
    const error = caught as RuleViolationError;
    expect(error.statusCode).toBe(422);
    expect(error.code).toBe('CHARGE_EXCEEDS_UNIT_COST');
    expect(error.details.map((d) => d.rule)).toEqual([
      'CHARGE_EXCEEDS_UNIT_COST',
      'EXCEPTION_REASON_REQUIRED',
      'CONSULTATION_TOO_SHORT',
      'SHORTENED_CONSULTATION_NEEDS_REASON',
    ]);
    expect(error.message).toMatch(/^The fee proposal cannot be accepted: Fee item 'extract' charges 101 TWD/);
    expect(error.message).toContain('3 more problems');
  });

  it('returns quietly for a valid proposal', () => {
    expect(() => assertFeeProposal(proposalInput(), ctx)).not.toThrow();
  });
});

describe('reviewByDate', () => {
  it('is the same calendar day three years later', () => {
    expect(reviewByDate('2026-07-01')).toBe('2029-07-01');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(reviewByDate('2028-02-29')).toBe('2031-02-28');
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(reviewByDate('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('honours a configured interval', () => {
    expect(reviewByDate('2026-12-31', 1)).toBe('2027-12-31');
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', 'soon'])('refuses %s', (date) => {
    expect(() => reviewByDate(date)).toThrow(ValidationError);
  });
});

describe('consultationWindow', () => {
  it('closes exactly days × 24 hours after it opens', () => {
    expect(consultationWindow(new Date('2026-03-01T09:30:00.000Z'), 60)).toEqual({
      opensAt: '2026-03-01T09:30:00.000Z',
      closesAt: '2026-04-30T09:30:00.000Z',
    });
  });

  it('refuses an invalid time or a non-whole number of days', () => {
    expect(() => consultationWindow(new Date('nonsense'), 60)).toThrow(ValidationError);
    expect(() => consultationWindow(new Date(), 0)).toThrow(ValidationError);
    expect(() => consultationWindow(new Date(), 1.5)).toThrow(ValidationError);
  });
});

describe('effective dates against the calendar', () => {
  it('puts the earliest date the day after the consultation close plus the vote period, in Taiwan', () => {
    // Closes 2027-01-30 16:00Z = 2027-01-31 00:00 Taipei; 14-day vote → ends 2027-02-14 00:00 Taipei.
    expect(earliestEffectiveDate('2027-01-30T16:00:00.000Z', 14)).toBe('2027-02-15');
    expect(earliestEffectiveDate('2027-01-30T15:59:59.000Z', 14)).toBe('2027-02-14');
  });

  it('refuses a date before the limit with the rule and the field, and accepts the limit itself', () => {
    expect(() =>
      assertEffectiveDate('2027-02-15', { notBefore: '2027-02-15', because: 'CONSULTATION_AND_VOTE' }),
    ).not.toThrow();
    expect(() =>
      assertEffectiveDate('2027-02-14', { notBefore: '2027-02-15', because: 'CONSULTATION_AND_VOTE' }),
    ).toThrow(
      expect.objectContaining({
        code: 'EFFECTIVE_BEFORE_REVIEW_ENDS',
        details: [
          expect.objectContaining({ path: 'effectiveFrom', message: 'Must be 2027-02-15 or later.' }),
        ],
      }),
    );
    expect(() => assertEffectiveDate('2026-01-01', { notBefore: '2027-05-01', because: 'TODAY' })).toThrow(
      expect.objectContaining({ code: 'EFFECTIVE_DATE_IN_PAST' }),
    );
  });
});
