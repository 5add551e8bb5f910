import { describe, expect, it } from 'vitest';
import {
  CostLineSchema,
  FeeProposalInputSchema,
  FeeProposalSchema,
  ProposalStatusSchema,
  feeTableChanges,
  hasFeeTableChanges,
  isMaterialRevision,
} from '#domain/fee-proposal';
import { costLine, feeItem, proposalInput } from './fixtures.ts';

describe('FeeProposalInputSchema', () => {
  it('accepts the api.md body and defaults reductions to none', () => {
    // Prepare
    const { reductions: _omitted, ...body } = proposalInput();

    // Act
    const parsed = FeeProposalInputSchema.parse(body);

    // Assess
    expect(parsed.reductions).toEqual([]);
    expect(parsed.items[0]?.costLines[0]?.category).toBe('MEDIA');
  });

  it('refuses a dataset listed twice', () => {
    const result = FeeProposalInputSchema.safeParse(proposalInput({ datasetIds: ['ds-a', 'ds-b', 'ds-a'] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['datasetIds', 2]);
  });

  it('refuses two fee items with one id, pointing at the second', () => {
    const result = FeeProposalInputSchema.safeParse(
      proposalInput({ items: [feeItem(), feeItem({ amountTwd: 50 })] }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items', 1, 'id']);
  });

  it('refuses two reductions for the same purpose', () => {
    const result = FeeProposalInputSchema.safeParse(
      proposalInput({
        reductions: [
          { purpose: 'ACADEMIC', percent: 50 },
          { purpose: 'ACADEMIC', percent: 30 },
        ],
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['reductions', 1, 'purpose']);
  });

  it('refuses a reduction of 0% or above 100%', () => {
    for (const percent of [0, 101, 12.5]) {
      const result = FeeProposalInputSchema.safeParse(
        proposalInput({ reductions: [{ purpose: 'ACADEMIC', percent }] }),
      );
      expect(result.success).toBe(false);
    }
  });

  it('needs all four points of the justification', () => {
    const { rightsHeld: _missing, ...partial } = proposalInput().justification;
    expect(FeeProposalInputSchema.safeParse(proposalInput({ justification: partial as never })).success).toBe(
      false,
    );
  });

  it('refuses an explanation URL over plain http', () => {
    expect(
      FeeProposalInputSchema.safeParse(proposalInput({ explanationUrl: 'http://www.moi.gov.tw/fees' }))
        .success,
    ).toBe(false);
  });

  it('takes a consultation length from 1 to 180 whole days', () => {
    expect(FeeProposalInputSchema.safeParse(proposalInput({ consultationDays: 180 })).success).toBe(true);
    expect(FeeProposalInputSchema.safeParse(proposalInput({ consultationDays: 181 })).success).toBe(false);
    expect(FeeProposalInputSchema.safeParse(proposalInput({ consultationDays: 0 })).success).toBe(false);
  });

  it('needs 1 to 30 cost lines per item', () => {
    expect(
      FeeProposalInputSchema.safeParse(proposalInput({ items: [feeItem({ costLines: [] })] })).success,
    ).toBe(false);
    const lines = Array.from({ length: 31 }, () => costLine());
    expect(
      FeeProposalInputSchema.safeParse(proposalInput({ items: [feeItem({ costLines: lines })] })).success,
    ).toBe(false);
  });
});

describe('CostLineSchema quantity', () => {
  it.each([0.01, 0.29, 1.5, 12, 10_000])('accepts %s', (quantity) => {
    expect(CostLineSchema.safeParse(costLine({ quantity })).success).toBe(true);
  });

  it.each([0, -1, 0.001, 1.005, 10_000.01, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s',
    (quantity) => {
      expect(CostLineSchema.safeParse(costLine({ quantity })).success).toBe(false);
    },
  );
});

describe('FeeProposalSchema', () => {
  it('accepts a stored record and defaults the extension list', () => {
    // Prepare
    const record = {
      ...proposalInput(),
      id: 'fp-01',
      status: 'IN_CONSULTATION',
      version: 1,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      consultation: {
        round: 1,
        opensAt: '2026-03-01T00:00:00.000Z',
        closesAt: '2026-04-30T00:00:00.000Z',
        days: 60,
      },
    };

    // Act
    const parsed = FeeProposalSchema.parse(record);

    // Assess
    expect(parsed.consultation?.extensions).toEqual([]);
  });

  it('keeps the uniqueness rules of the input', () => {
    const record = {
      ...proposalInput({ datasetIds: ['ds-a', 'ds-a'] }),
      id: 'fp-01',
      status: 'DRAFT',
      version: 1,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    expect(FeeProposalSchema.safeParse(record).success).toBe(false);
  });

  it('lists every status of api.md, ANNOUNCED of the second wave included', () => {
    expect(ProposalStatusSchema.options).toHaveLength(11);
    expect(ProposalStatusSchema.options).toContain('ANNOUNCED');
  });
});

describe('isMaterialRevision', () => {
  const before = {
    items: [
      feeItem({ id: 'a' }),
      feeItem({ id: 'b', costLines: [costLine(), costLine({ category: 'DELIVERY' })] }),
    ],
  };

  it('is false for an unchanged fee table, even with items and cost lines reordered', () => {
    // Prepare
    const b = before.items[1]!;
    const after = { items: [{ ...b, costLines: [...b.costLines].reverse() }, before.items[0]!] };

    // Act / Assess
    expect(isMaterialRevision(before, after)).toBe(false);
  });

  it('is false when only an item name changes', () => {
    const after = {
      items: [{ ...before.items[0]!, name: { zh: '新名稱', en: 'New name' } }, before.items[1]!],
    };
    expect(isMaterialRevision(before, after)).toBe(false);
  });

  it.each([
    ['the charge', { amountTwd: 99 }],
    ['the unit', { unit: 'PER_FILE' as const }],
    ['a cost line', { costLines: [costLine({ quantity: 2 })] }],
    ['the exception reason', { exceptionReason: 'Personnel time is unavoidable.' }],
  ])('is true when %s of an item changes', (_what, change) => {
    const after = { items: [{ ...before.items[0]!, ...change }, before.items[1]!] };
    expect(isMaterialRevision(before, after)).toBe(true);
  });

  it('is true when an item is added, removed or renamed by id', () => {
    expect(isMaterialRevision(before, { items: [...before.items, feeItem({ id: 'c' })] })).toBe(true);
    expect(isMaterialRevision(before, { items: [before.items[0]!] })).toBe(true);
    expect(isMaterialRevision(before, { items: [before.items[0]!, { ...before.items[1]!, id: 'b2' }] })).toBe(
      true,
    );
  });

  it('is true when a repeated id hides a removed item', () => {
    expect(isMaterialRevision(before, { items: [before.items[0]!, before.items[0]!] })).toBe(true);
  });
});

describe('feeTableChanges', () => {
  const a = feeItem({ id: 'a', amountTwd: 200 });
  const b = feeItem({ id: 'b', amountTwd: 50 });
  const c = feeItem({ id: 'c', amountTwd: 80 });

  it('names the items added and removed, the charges changed with the charge before, and the other changes', () => {
    // Prepare
    const after = [{ ...a, amountTwd: 150 }, { ...b, unit: 'PER_FILE' as const }, feeItem({ id: 'd' })];

    // Act
    const changes = feeTableChanges([a, b, c], after);

    // Assess
    expect(changes.added.map((i) => i.id)).toEqual(['d']);
    expect(changes.removed.map((i) => i.id)).toEqual(['c']);
    expect(changes.amounts).toEqual([{ item: after[0], fromTwd: 200 }]);
    expect(changes.otherwise.map((i) => i.id)).toEqual(['b']);
    expect(hasFeeTableChanges(changes)).toBe(true);
  });

  it('finds nothing when only names change or items are reordered', () => {
    const changes = feeTableChanges([a, b], [b, { ...a, name: { zh: '新名稱' } }]);
    expect(changes).toEqual({ added: [], removed: [], amounts: [], otherwise: [] });
    expect(hasFeeTableChanges(changes)).toBe(false);
  });
});
