/**
 * A dataset's fee schedules over time. Every schedule ever approved for a dataset is kept; the one
 * in force on a date is the latest whose effective date has come, and it stays in force until the
 * next one's effective date (the date it was superseded). Approving a schedule for a later date
 * therefore never stops licensing under the current one.
 */
import type { AgencyText } from './common.ts';
import type { FeeItem, FeeProposal, PaymentInstructions, Reduction } from './fee-proposal.ts';

/** What licensing needs of a fee item: its charge and limits, not its cost basis. */
export type ScheduleItem = Pick<FeeItem, 'id' | 'name' | 'unit' | 'amountTwd' | 'maxQuantity'>;

/**
 * `APPROVED`: voted for, the fee-law steps still to come; `ANNOUNCED`: the agency announced it;
 * `EFFECTIVE`: its effective date has come. Only announced schedules are published on a dataset
 * when the fee-law steps are on; without them an approved one is.
 */
export type ScheduleStatus = 'APPROVED' | 'ANNOUNCED' | 'EFFECTIVE';

/** How long before a schedule's review-by date its agency is reminded, and the dashboard lists it. */
export const REVIEW_REMINDER_DAYS = 90;

export interface FeeScheduleEntry {
  proposalId: string;
  title: AgencyText;
  effectiveFrom: string;
  reviewBy?: string;
  status: ScheduleStatus;
  /** When it was published on the dataset; breaks a tie of two schedules for one date. */
  publishedAt: string;
  items: ScheduleItem[];
  reductions: Reduction[];
  legalBasis: string;
  explanationUrl?: string;
  payment?: PaymentInstructions;
}

export interface ScheduleTimelineEntry extends FeeScheduleEntry {
  /** The effective date of the schedule that replaced it, once that date has come. */
  supersededAt?: string;
  /** Its review-by date has come (規費法 §11): the agency is to review it. */
  dueForReview: boolean;
}

export interface ScheduleTimeline {
  /** The schedule that prices a request on the date; none means the data is free. */
  inForce?: ScheduleTimelineEntry;
  /** The schedule that takes effect next, if one is published. */
  next?: ScheduleTimelineEntry;
  /** Every schedule, oldest first, each with the date it was superseded if it was. */
  history: ScheduleTimelineEntry[];
}

const chronological = (a: FeeScheduleEntry, b: FeeScheduleEntry) =>
  a.effectiveFrom.localeCompare(b.effectiveFrom) || a.publishedAt.localeCompare(b.publishedAt);

/** `entries` with `entry` added, or in place of the entry of the same proposal (a status change). */
export function withSchedule(
  entries: readonly FeeScheduleEntry[],
  entry: FeeScheduleEntry,
): FeeScheduleEntry[] {
  const previous = entries.find((e) => e.proposalId === entry.proposalId);
  const kept = { ...entry, publishedAt: previous?.publishedAt ?? entry.publishedAt };
  return [...entries.filter((e) => e.proposalId !== entry.proposalId), kept].sort(chronological);
}

/** The schedules of a dataset as they stand on `date` (YYYY-MM-DD in Taiwan). */
export function scheduleTimeline(entries: readonly FeeScheduleEntry[], date: string): ScheduleTimeline {
  const sorted = [...entries].sort(chronological);
  const started = sorted.filter((e) => e.effectiveFrom <= date);
  const history: ScheduleTimelineEntry[] = sorted.map((entry) => {
    const successor = started.find((s) => chronological(s, entry) > 0);
    const dueForReview = entry.reviewBy !== undefined && entry.reviewBy <= date;
    return successor
      ? { ...entry, supersededAt: successor.effectiveFrom, dueForReview }
      : { ...entry, dueForReview };
  });
  const inForceId = started.at(-1)?.proposalId;
  const nextId = sorted.find((e) => e.effectiveFrom > date)?.proposalId;
  const inForce = history.find((e) => e.proposalId === inForceId);
  const next = history.find((e) => e.proposalId === nextId);
  return { ...(inForce ? { inForce } : {}), ...(next ? { next } : {}), history };
}

/** The entry a proposal publishes on its datasets, as approved (or announced, or in force). */
export function scheduleEntryOf(
  proposal: Pick<
    FeeProposal,
    | 'id'
    | 'title'
    | 'effectiveFrom'
    | 'reviewBy'
    | 'items'
    | 'reductions'
    | 'legalBasis'
    | 'explanationUrl'
    | 'paymentInstructions'
  >,
  status: ScheduleStatus,
  publishedAt: string,
): FeeScheduleEntry {
  return {
    proposalId: proposal.id,
    title: proposal.title,
    effectiveFrom: proposal.effectiveFrom,
    ...(proposal.reviewBy ? { reviewBy: proposal.reviewBy } : {}),
    status,
    publishedAt,
    items: proposal.items.map((it) => ({
      id: it.id,
      name: it.name,
      unit: it.unit,
      amountTwd: it.amountTwd,
      ...(it.maxQuantity ? { maxQuantity: it.maxQuantity } : {}),
    })),
    reductions: proposal.reductions,
    legalBasis: proposal.legalBasis,
    ...(proposal.explanationUrl ? { explanationUrl: proposal.explanationUrl } : {}),
    ...(proposal.paymentInstructions ? { payment: proposal.paymentInstructions } : {}),
  };
}
