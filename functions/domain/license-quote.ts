/**
 * The price of an ON_APPLICATION license: Σ chosen items × quantity under the schedule in force on
 * the request date, less the reduction the schedule declares for the stated purpose.
 */
import * as z from './zod.ts';
import { RuleViolationError, type ErrorDetail } from './errors.ts';
import type { AgencyText } from './common.ts';
import type { FeeUnit, Purpose, Reduction } from './fee-proposal.ts';
import type { ScheduleItem } from './fee-schedule.ts';

/** One line of a license request: a fee item of the schedule in force and how many units. */
export const RequestedItemSchema = /* @__PURE__ */ z.object({
  itemId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(40)),
  /** Any whole number parses; the item's limits are a business rule (422 naming the field). */
  quantity: /* @__PURE__ */ z.int(),
});
export type RequestedItem = z.infer<typeof RequestedItemSchema>;

/**
 * The one rounding rule: line amounts and the subtotal are exact whole dollars; the reduction is
 * computed once, on the subtotal, and rounded half up to a whole dollar (the licensee never pays
 * more than half a dollar above the exact reduced price). Quotes carry its name so that every
 * page, mail and certificate states the rule that was applied.
 */
export const QUOTE_ROUNDING = 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP' as const;

/** No item may be asked for more often than this, whatever its own limit. */
export const MAX_QUANTITY = 1_000_000;

export interface QuoteLine {
  itemId: string;
  name: AgencyText;
  unit: FeeUnit;
  quantity: number;
  /** The item's unit charge. */
  unitAmountTwd: number;
  /** unitAmountTwd × quantity. */
  amountTwd: number;
}

export interface Quote {
  lines: QuoteLine[];
  subtotalTwd: number;
  reductionPercent: number;
  reductionTwd: number;
  totalTwd: number;
  rounding: typeof QUOTE_ROUNDING;
  purpose: Purpose;
  requestDate: string;
}

export interface QuoteRequest {
  schedule: { items: readonly ScheduleItem[]; reductions: readonly Reduction[] };
  /** YYYY-MM-DD, the day the license was asked for. */
  requestDate: string;
  purpose: Purpose;
  items: readonly RequestedItem[];
}

const limitOf = (item: ScheduleItem) => Math.min(item.maxQuantity ?? MAX_QUANTITY, MAX_QUANTITY);

/** Every problem of the requested lines, each naming its field and rule. */
export function checkRequestedItems(
  scheduleItems: readonly ScheduleItem[],
  requested: readonly RequestedItem[],
): ErrorDetail[] {
  if (requested.length === 0) {
    return [
      {
        path: 'items',
        rule: 'FEE_ITEMS_REQUIRED',
        message: `Choose at least one fee item of the schedule in force (${scheduleItems.map((i) => i.id).join(', ')}).`,
      },
    ];
  }
  const byId = new Map(scheduleItems.map((it) => [it.id, it]));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  requested.forEach(({ itemId, quantity }, i) => {
    const item = byId.get(itemId);
    if (item === undefined) {
      problems.push({
        path: `items.${i}.itemId`,
        rule: 'UNKNOWN_FEE_ITEM',
        message: `The schedule in force has no fee item '${itemId}'.`,
      });
      return;
    }
    if (seen.has(itemId)) {
      problems.push({
        path: `items.${i}.itemId`,
        rule: 'FEE_ITEM_REPEATED',
        message: `Fee item '${itemId}' is listed twice; give one quantity.`,
      });
    }
    seen.add(itemId);
    const limit = limitOf(item);
    if (quantity < 1 || quantity > limit) {
      problems.push({
        path: `items.${i}.quantity`,
        rule: 'QUANTITY_OUT_OF_LIMITS',
        message: `The quantity of '${itemId}' must be a whole number from 1 to ${limit}.`,
      });
    }
  });
  return problems;
}

/**
 * Prices a license: one line per requested item, in the order asked. Refuses (422) an empty
 * request, unknown or repeated items, and quantities outside the item's limits. Only a reduction
 * the schedule declares for this purpose applies (nothing undeclared may be waived).
 */
export function quoteLicense(request: QuoteRequest): Quote {
  const { schedule, requestDate, purpose } = request;
  const problems = checkRequestedItems(schedule.items, request.items);
  const first = problems[0];
  if (first !== undefined) {
    throw new RuleViolationError(
      first.rule!,
      `The license request cannot be priced: ${first.message}`,
      problems,
    );
  }
  const byId = new Map(schedule.items.map((it) => [it.id, it]));
  const lines: QuoteLine[] = request.items.map(({ itemId, quantity }) => {
    const item = byId.get(itemId)!;
    return {
      itemId,
      name: item.name,
      unit: item.unit,
      quantity,
      unitAmountTwd: item.amountTwd,
      amountTwd: item.amountTwd * quantity,
    };
  });
  const subtotalTwd = lines.reduce((sum, l) => sum + l.amountTwd, 0);
  const reductionPercent = schedule.reductions.find((r) => r.purpose === purpose)?.percent ?? 0;
  // Integer round-half-up of subtotal × percent / 100; BigInt because the product can pass 2^53.
  const reductionTwd = Number((BigInt(subtotalTwd) * BigInt(reductionPercent) + 50n) / 100n);
  return {
    lines,
    subtotalTwd,
    reductionPercent,
    reductionTwd,
    totalTwd: subtotalTwd - reductionTwd,
    rounding: QUOTE_ROUNDING,
    purpose,
    requestDate,
  };
}

/** The quote of a request when no schedule is in force: data on application is free by default. */
export function freeQuote(purpose: Purpose, requestDate: string): Quote {
  return {
    lines: [],
    subtotalTwd: 0,
    reductionPercent: 0,
    reductionTwd: 0,
    totalTwd: 0,
    rounding: QUOTE_ROUNDING,
    purpose,
    requestDate,
  };
}
