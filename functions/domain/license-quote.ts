/**
 * The price of an ON_APPLICATION license: the approved schedule in force on the request date, the
 * requested quantities, and the reduction the schedule declares for the stated purpose.
 */
import { RuleViolationError, ValidationError, type ErrorDetail } from './errors.ts';
import type { LocalizedText } from './common.ts';
import type { FeeItem, FeeUnit, ProposalStatus, Purpose, Reduction } from './fee-proposal.ts';

export interface FeeSchedule {
  proposalId: string;
  items: readonly FeeItem[];
  reductions: readonly Reduction[];
  effectiveFrom: string;
  status: ProposalStatus;
}

export interface QuoteRequest {
  schedule: FeeSchedule;
  /** YYYY-MM-DD, the day the license was asked for. */
  requestDate: string;
  purpose: Purpose;
  /** Units per fee item id; items not named are charged once. */
  quantities?: Record<string, number>;
}

export interface QuoteLine {
  id: string;
  name: LocalizedText;
  unit: FeeUnit;
  quantity: number;
  /** The unit charge. */
  amountTwd: number;
  lineTotalTwd: number;
}

export interface Quote {
  items: QuoteLine[];
  subtotalTwd: number;
  reductionPercent: number;
  reductionTwd: number;
  totalTwd: number;
  /** The proposal whose approved schedule priced this quote. */
  scheduleId: string;
  purpose: Purpose;
  requestDate: string;
}

/** Keeps every line total and the subtotal well inside the safe-integer range. */
const MAX_QUANTITY = 1_000_000;
const IN_FORCE: readonly ProposalStatus[] = ['APPROVED', 'EFFECTIVE'];

function checkQuantities(items: readonly FeeItem[], quantities: Record<string, number>): void {
  const known = new Set(items.map((it) => it.id));
  const problems: ErrorDetail[] = [];
  for (const [id, q] of Object.entries(quantities)) {
    if (!known.has(id))
      problems.push({ path: `quantities.${id}`, message: `The schedule has no fee item '${id}'.` });
    else if (!Number.isInteger(q) || q < 0 || q > MAX_QUANTITY)
      problems.push({
        path: `quantities.${id}`,
        message: `Expected a whole number from 0 to ${MAX_QUANTITY}.`,
      });
  }
  if (problems.length > 0) throw new ValidationError('Some requested quantities are not valid.', problems);
}

/**
 * Prices a license. Refuses SCHEDULE_NOT_EFFECTIVE unless the schedule is approved and in force on
 * the request date. Only a reduction the schedule declares for this purpose applies (nothing
 * undeclared may be waived). The reduction is rounded half up to whole dollars, so a licensee
 * never pays more than 0.5 TWD above the exact reduced price and sometimes up to 0.5 TWD less.
 */
export function quoteLicense(request: QuoteRequest): Quote {
  const { schedule, requestDate, purpose } = request;
  if (!IN_FORCE.includes(schedule.status) || requestDate < schedule.effectiveFrom) {
    throw new RuleViolationError(
      'SCHEDULE_NOT_EFFECTIVE',
      `Fee schedule '${schedule.proposalId}' is not in force on ${requestDate}` +
        (IN_FORCE.includes(schedule.status)
          ? ` (it takes effect on ${schedule.effectiveFrom}).`
          : ` (its status is ${schedule.status}).`),
    );
  }
  const quantities = request.quantities ?? {};
  checkQuantities(schedule.items, quantities);

  const items: QuoteLine[] = schedule.items.map((it) => {
    const quantity = quantities[it.id] ?? 1;
    return {
      id: it.id,
      name: it.name,
      unit: it.unit,
      quantity,
      amountTwd: it.amountTwd,
      lineTotalTwd: it.amountTwd * quantity,
    };
  });
  const subtotalTwd = items.reduce((sum, l) => sum + l.lineTotalTwd, 0);
  const reductionPercent = schedule.reductions.find((r) => r.purpose === purpose)?.percent ?? 0;
  // Integer round-half-up of subtotal × percent / 100; BigInt because the product can pass 2^53.
  const reductionTwd = Number((BigInt(subtotalTwd) * BigInt(reductionPercent) + 50n) / 100n);

  return {
    items,
    subtotalTwd,
    reductionPercent,
    reductionTwd,
    totalTwd: subtotalTwd - reductionTwd,
    scheduleId: schedule.proposalId,
    purpose,
    requestDate,
  };
}
