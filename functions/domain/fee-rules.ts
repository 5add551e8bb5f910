/**
 * The business rules a fee proposal must meet beyond its schema (422s), and the date arithmetic of
 * consultation and review. Pure: the caller loads the datasets and configuration and passes them in.
 */
import type { Dataset } from './dataset.ts';
import { RuleViolationError, ValidationError, type ErrorDetail } from './errors.ts';
import { taipeiDate } from './taipei-time.ts';
import {
  INCREMENTAL_BY_DEFAULT,
  isIncremental,
  type CostLine,
  type FeeItem,
  type FeeProposalInput,
} from './fee-proposal.ts';

/**
 * Σ quantity × unit cost in hundredths of a dollar, exactly. Quantities have at most two decimals,
 * so each product is an integer number of hundredths; BigInt keeps large sums exact as well.
 */
function costInHundredths(lines: readonly CostLine[]): bigint {
  return lines.reduce((sum, l) => sum + BigInt(Math.round(l.quantity * 100)) * BigInt(l.unitCostTwd), 0n);
}

function hundredthsToNumber(h: bigint): number {
  // Division of the decimal string by 100 gives the nearest double to the exact 2-decimal value.
  return Number(h) / 100;
}

/** One cost line's cost: quantity × unitCostTwd, exactly (it may carry cents). */
export function lineCost(line: CostLine): number {
  return hundredthsToNumber(costInHundredths([line]));
}

/** The documented unit cost of a fee item: Σ quantity × unitCostTwd over all its cost lines. */
export function documentedUnitCost(item: Pick<FeeItem, 'costLines'>): number {
  return hundredthsToNumber(costInHundredths(item.costLines));
}

/** The marginal unit cost: the same sum over the lines incremental per unit supplied. */
export function marginalUnitCost(item: Pick<FeeItem, 'costLines'>): number {
  return hundredthsToNumber(costInHundredths(marginalLines(item)));
}

function marginalLines(item: Pick<FeeItem, 'costLines'>): CostLine[] {
  return item.costLines.filter(isIncremental);
}

/**
 * Whether the item's charge is above the marginal cost of reproduction, provision and dissemination,
 * so that it needs a declared exception reason (EU 2019/1024 Art. 6).
 */
export function exceptionReasonNeeded(item: Pick<FeeItem, 'amountTwd' | 'costLines'>): boolean {
  return BigInt(item.amountTwd) * 100n > costInHundredths(marginalLines(item));
}

export interface ConsultationConfig {
  /** Length when the proposal asks for none (60 by default in configuration). */
  defaultDays: number;
  /** No consultation may be shorter, urgent or not. */
  floorDays: number;
}

export interface FeeProposalContext {
  /** The datasets found for the proposal's datasetIds; ids not found here are unknown. */
  datasets: readonly Dataset[];
  consultation: ConsultationConfig;
}

type ProposalToCheck = Pick<
  FeeProposalInput,
  'agencyId' | 'datasetIds' | 'items' | 'consultationDays' | 'urgencyReason'
>;

function formatTwd(n: number): string {
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} TWD`;
}

/**
 * Every business rule the proposal breaks, in the order of the body (datasets, items,
 * consultation). Rules are independent: each listed detail is something the agency has to fix.
 */
export function checkFeeProposal(input: ProposalToCheck, ctx: FeeProposalContext): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const byId = new Map(ctx.datasets.map((d) => [d.id, d]));

  input.datasetIds.forEach((id, i) => {
    const path = `datasetIds.${i}`;
    const dataset = byId.get(id);
    if (dataset === undefined) {
      details.push({ path, rule: 'UNKNOWN_DATASET', message: `Dataset '${id}' does not exist.` });
      return;
    }
    if (dataset.agencyId !== input.agencyId) {
      details.push({
        path,
        rule: 'DATASET_NOT_OWNED',
        message: `Dataset '${id}' belongs to agency '${dataset.agencyId}', not '${input.agencyId}'.`,
      });
    }
    if (dataset.classification !== 'ON_APPLICATION') {
      details.push({
        path,
        rule: 'FEE_ON_NON_APPLICATION_DATASET',
        message:
          dataset.classification === 'OPEN'
            ? `Dataset '${id}' is open data, which is always free; a fee cannot be charged for it.`
            : `Dataset '${id}' is not provided, so no fee can attach to it.`,
      });
    }
  });

  input.items.forEach((item, i) => {
    item.costLines.forEach((line, j) => {
      const overridden =
        line.incrementalPerUnit !== undefined &&
        line.incrementalPerUnit !== INCREMENTAL_BY_DEFAULT[line.category];
      if (overridden && line.incrementalReason === undefined) {
        details.push({
          path: `items.${i}.costLines.${j}.incrementalReason`,
          rule: 'INCREMENTAL_OVERRIDE_NEEDS_REASON',
          message: `Cost line ${j + 1} of fee item '${item.id}' is marked ${line.incrementalPerUnit ? '' : 'not '}incremental per unit, unlike its category ${line.category}; state why.`,
        });
      }
    });
    const hundredths = BigInt(item.amountTwd) * 100n;
    const documented = costInHundredths(item.costLines);
    const marginal = costInHundredths(marginalLines(item));
    if (hundredths > documented) {
      details.push({
        path: `items.${i}.amountTwd`,
        rule: 'CHARGE_EXCEEDS_UNIT_COST',
        message: `Fee item '${item.id}' charges ${formatTwd(item.amountTwd)}, more than its documented unit cost of ${formatTwd(hundredthsToNumber(documented))}.`,
      });
    }
    if (exceptionReasonNeeded(item) && item.exceptionReason === undefined) {
      details.push({
        path: `items.${i}.exceptionReason`,
        rule: 'EXCEPTION_REASON_REQUIRED',
        message: `Fee item '${item.id}' charges more than the marginal cost of reproduction, provision and dissemination (${formatTwd(hundredthsToNumber(marginal))}); state an exception reason.`,
      });
    }
  });

  const days = input.consultationDays ?? ctx.consultation.defaultDays;
  if (days < ctx.consultation.floorDays) {
    details.push({
      path: 'consultationDays',
      rule: 'CONSULTATION_TOO_SHORT',
      message: `A public consultation lasts at least ${ctx.consultation.floorDays} days; ${days} were asked.`,
    });
  }
  if (days < ctx.consultation.defaultDays && input.urgencyReason === undefined) {
    details.push({
      path: 'urgencyReason',
      rule: 'SHORTENED_CONSULTATION_NEEDS_REASON',
      message: `A consultation shorter than ${ctx.consultation.defaultDays} days needs a recorded urgency reason.`,
    });
  }
  return details;
}

/**
 * Throws RuleViolationError (422) when `checkFeeProposal` finds anything: the code is the first
 * rule broken, the details list them all.
 */
export function assertFeeProposal(input: ProposalToCheck, ctx: FeeProposalContext): void {
  const details = checkFeeProposal(input, ctx);
  const first = details[0];
  if (first === undefined) return;
  const more = details.length - 1;
  const message =
    `The fee proposal cannot be accepted: ${first.message}` +
    (more > 0 ? ` (${more} more problem${more === 1 ? '' : 's'} listed in details.)` : '');
  throw new RuleViolationError(first.rule ?? 'FEE_PROPOSAL_RULE', message, details);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The same calendar day `years` later; a 29 February start falls back to 28 February when the
 * target year has none (the review must come no later than the limit, never a day after it).
 */
export function reviewByDate(effectiveFrom: string, years = 3): string {
  const m = DATE.exec(effectiveFrom);
  const [year, month, day] = m === null ? [NaN, NaN, NaN] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  const target = year + years;
  if (!valid || !Number.isInteger(years) || years < 0 || target > 9999) {
    throw new ValidationError(`Cannot compute a review date from '${effectiveFrom}' plus ${years} years.`, [
      { path: 'effectiveFrom', message: 'Expected a calendar date YYYY-MM-DD.' },
    ]);
  }
  const targetDay = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * The consultation opens now and closes `days` × 24 h later. Whole days of elapsed time, not
 * calendar days in a time zone: the closing instant is the same for every reader.
 */
export function consultationWindow(opensAt: Date, days: number): { opensAt: string; closesAt: string } {
  if (Number.isNaN(opensAt.getTime()) || !Number.isInteger(days) || days < 1) {
    throw new ValidationError(`Cannot open a ${days}-day consultation at an invalid time.`, [
      { path: 'consultationDays', message: 'Expected a whole number of days, at least 1.' },
    ]);
  }
  return {
    opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + days * DAY_MS).toISOString(),
  };
}

/**
 * The earliest effective date a proposal may have when it is submitted: the day after the vote
 * could last end (the consultation's close plus the reviewing group's vote period), in Taiwan.
 */
export function earliestEffectiveDate(closesAt: string, votePeriodDays: number): string {
  return taipeiDate(Date.parse(closesAt) + (votePeriodDays + 1) * DAY_MS);
}

/**
 * Refuses an effective date in the past (when drafting: `notBefore` is today) or before the review
 * can end (when submitting: `notBefore` from earliestEffectiveDate), naming the field and the rule.
 */
export function assertEffectiveDate(
  effectiveFrom: string,
  check: { notBefore: string; because: 'TODAY' | 'CONSULTATION_AND_VOTE' },
): void {
  if (effectiveFrom >= check.notBefore) return;
  const [rule, why] =
    check.because === 'TODAY'
      ? (['EFFECTIVE_DATE_IN_PAST', `it is in the past (today is ${check.notBefore} in Taiwan)`] as const)
      : ([
          'EFFECTIVE_BEFORE_REVIEW_ENDS',
          `the consultation and the advisory vote can run until the day before ${check.notBefore}; the schedule cannot take effect before they end`,
        ] as const);
  throw new RuleViolationError(rule, `The effective date ${effectiveFrom} is too early: ${why}.`, [
    { path: 'effectiveFrom', rule, message: `Must be ${check.notBefore} or later.` },
  ]);
}
