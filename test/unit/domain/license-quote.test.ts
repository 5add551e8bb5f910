import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#domain/errors';
import type { Purpose, Reduction } from '#domain/fee-proposal';
import type { ScheduleItem } from '#domain/fee-schedule';
import { MAX_QUANTITY, quoteLicense, type RequestedItem } from '#domain/license-quote';

const item = (overrides: Partial<ScheduleItem> = {}): ScheduleItem => ({
  id: 'sheet',
  name: { zh: '地籍圖（每幅）', en: 'Cadastral sheet' },
  unit: 'PER_FILE',
  amountTwd: 20,
  ...overrides,
});

const schedule = (
  items: ScheduleItem[] = [item(), item({ id: 'extract', amountTwd: 1500, unit: 'PER_REQUEST' })],
  reductions: Reduction[] = [{ purpose: 'ACADEMIC', percent: 50 }],
) => ({ items, reductions });

const quote = (items: RequestedItem[], purpose: Purpose = 'COMMERCIAL', s = schedule()) =>
  quoteLicense({ schedule: s, requestDate: '2026-08-01', purpose, items });

const refusal = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleViolationError);
    return error as RuleViolationError;
  }
  throw new Error('expected a refusal');
};

describe('quoteLicense', () => {
  it('charges only the items asked for, each times its quantity: one sheet is NT$20', () => {
    const q = quote([{ itemId: 'sheet', quantity: 1 }]);
    expect(q.lines).toEqual([
      { itemId: 'sheet', name: item().name, unit: 'PER_FILE', quantity: 1, unitAmountTwd: 20, amountTwd: 20 },
    ]);
    expect(q).toMatchObject({ subtotalTwd: 20, reductionPercent: 0, reductionTwd: 0, totalTwd: 20 });
  });

  it('lists each line in the order asked and applies the declared reduction once, on the subtotal', () => {
    const q = quote(
      [
        { itemId: 'extract', quantity: 1 },
        { itemId: 'sheet', quantity: 3 },
      ],
      'ACADEMIC',
    );
    expect(q.lines.map((l) => [l.itemId, l.quantity, l.amountTwd])).toEqual([
      ['extract', 1, 1500],
      ['sheet', 3, 60],
    ]);
    expect(q).toMatchObject({
      subtotalTwd: 1560,
      reductionPercent: 50,
      reductionTwd: 780,
      totalTwd: 780,
      rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP',
    });
  });

  it('rounds a half-dollar reduction up, in the licensee’s favour', () => {
    // 25% of 2 TWD is 0.5 TWD
    const tiny = schedule([item({ amountTwd: 2 })], [{ purpose: 'ACADEMIC', percent: 25 }]);
    expect(quote([{ itemId: 'sheet', quantity: 1 }], 'ACADEMIC', tiny)).toMatchObject({
      reductionTwd: 1,
      totalTwd: 1,
    });
  });

  it('refuses an empty request, naming items', () => {
    const error = refusal(() => quote([]));
    expect(error.code).toBe('FEE_ITEMS_REQUIRED');
    expect(error.details).toEqual([expect.objectContaining({ path: 'items', rule: 'FEE_ITEMS_REQUIRED' })]);
  });

  it('refuses an unknown item, naming its itemId field', () => {
    const error = refusal(() =>
      quote([
        { itemId: 'sheet', quantity: 1 },
        { itemId: 'copy', quantity: 1 },
      ]),
    );
    expect(error.code).toBe('UNKNOWN_FEE_ITEM');
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'items.1.itemId', rule: 'UNKNOWN_FEE_ITEM' }),
    ]);
  });

  it('refuses an item listed twice', () => {
    const error = refusal(() =>
      quote([
        { itemId: 'sheet', quantity: 1 },
        { itemId: 'sheet', quantity: 2 },
      ]),
    );
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'items.1.itemId', rule: 'FEE_ITEM_REPEATED' }),
    ]);
  });

  it.each([0, -1, 11, MAX_QUANTITY + 1])(
    'refuses a quantity of %d outside the item’s limit 1..10, naming the field',
    (n) => {
      const limited = schedule([item({ maxQuantity: 10 })]);
      const error = refusal(() => quote([{ itemId: 'sheet', quantity: n }], 'COMMERCIAL', limited));
      expect(error.code).toBe('QUANTITY_OUT_OF_LIMITS');
      expect(error.details[0]).toMatchObject({
        path: 'items.0.quantity',
        message: expect.stringContaining('1 to 10'),
      });
    },
  );

  it('accepts a quantity at the item’s limit', () => {
    expect(
      quote([{ itemId: 'sheet', quantity: 10 }], 'COMMERCIAL', schedule([item({ maxQuantity: 10 })]))
        .totalTwd,
    ).toBe(200);
  });

  it('lists every problem of the request, not only the first', () => {
    const error = refusal(() =>
      quote([
        { itemId: 'copy', quantity: 1 },
        { itemId: 'sheet', quantity: 0 },
      ]),
    );
    expect(error.details.map((d) => d.path)).toEqual(['items.0.itemId', 'items.1.quantity']);
  });
});

describe('quoteLicense: properties', () => {
  const purposes: Purpose[] = ['COMMERCIAL', 'NON_COMMERCIAL', 'ACADEMIC', 'PUBLIC_INTEREST'];
  // Up to 50 items of up to NT$100 000 000 at up to 1 000 000 units each: the largest subtotal
  // (5·10^15) is still a safe integer, so the arithmetic must be exact across the whole range.
  const request = fc
    .array(
      fc.record({
        amountTwd: fc.integer({ min: 0, max: 100_000_000 }),
        quantity: fc.integer({ min: 1, max: MAX_QUANTITY }),
      }),
      { minLength: 1, maxLength: 50 },
    )
    .map((rows) => ({
      items: rows.map((r, i) => item({ id: `i${i}`, amountTwd: r.amountTwd })),
      requested: rows.map((r, i) => ({ itemId: `i${i}`, quantity: r.quantity })),
    }));

  it('makes each line unit × quantity and the subtotal their exact sum', () => {
    fc.assert(
      fc.property(request, fc.constantFrom(...purposes), ({ items, requested }, purpose) => {
        const q = quote(requested, purpose, schedule(items, []));
        const exact = requested.reduce(
          (sum, r, i) => sum + BigInt(items[i]!.amountTwd) * BigInt(r.quantity),
          0n,
        );
        q.lines.forEach((line, i) => {
          expect(line.amountTwd).toBe(items[i]!.amountTwd * requested[i]!.quantity);
          expect(line.unitAmountTwd).toBe(items[i]!.amountTwd);
        });
        expect(BigInt(q.subtotalTwd)).toBe(exact);
        expect(Number.isSafeInteger(q.subtotalTwd)).toBe(true);
        expect(q.totalTwd).toBe(q.subtotalTwd);
      }),
    );
  });

  it('rounds once: the reduction is the subtotal × percent rounded half up, and total + reduction = subtotal', () => {
    fc.assert(
      fc.property(
        request,
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(...purposes),
        ({ items, requested }, percent, purpose) => {
          const q = quote(requested, purpose, schedule(items, [{ purpose, percent }]));
          // BigInt: subtotal × percent can pass 2^53.
          const exactHundredths = BigInt(q.subtotalTwd) * BigInt(percent);
          const gap = BigInt(q.reductionTwd) * 100n - exactHundredths;
          expect(gap > -50n && gap <= 50n).toBe(true);
          expect(q.totalTwd + q.reductionTwd).toBe(q.subtotalTwd);
          expect(q.totalTwd).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(q.totalTwd)).toBe(true);
          if (percent === 100) expect(q.totalTwd).toBe(0);
          // Rounding per line instead would drift: the whole-quote rounding is never off by more than half a dollar.
          expect(q.reductionPercent).toBe(percent);
        },
      ),
    );
  });

  it('waives nothing undeclared: another purpose’s reduction never applies', () => {
    fc.assert(
      fc.property(request, fc.constantFrom(...purposes), ({ items, requested }, purpose) => {
        const declared = purposes.filter((p) => p !== purpose).map((p) => ({ purpose: p, percent: 40 }));
        const q = quote(requested, purpose, schedule(items, declared));
        expect(q).toMatchObject({ reductionPercent: 0, reductionTwd: 0, totalTwd: q.subtotalTwd });
      }),
    );
  });

  it('does not depend on the order the items are asked in, except for the order of the lines', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 1, max: 100 }), ({ items, requested }, percent) => {
        const s = schedule(items, [{ purpose: 'ACADEMIC', percent }]);
        const forward = quote(requested, 'ACADEMIC', s);
        const backward = quote([...requested].reverse(), 'ACADEMIC', s);
        expect(backward.totalTwd).toBe(forward.totalTwd);
        expect(backward.lines).toEqual([...forward.lines].reverse());
      }),
    );
  });
});
