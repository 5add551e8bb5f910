/**
 * How the advisory vote's enumerations read in pages, mails and the decision record, so that all three
 * word a decision, a seat or a cost category alike.
 */
import type { Seat } from '#domain/advisory-group';
import type { CostCategory, Purpose } from '#domain/fee-proposal';
import type { BallotDecision } from '#domain/vote-tally';
import type { AgencyText } from './agency-text.ts';

export interface Label {
  zh: string;
  en: string;
}

/** What the agency is told: the tally's five outcomes, with the two failures folded into one. */
export type DecisionOutcome = 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED' | 'NOT_DECIDED';

export const DECISIONS: readonly BallotDecision[] = ['APPROVE', 'REJECT', 'REQUEST_CHANGES', 'RECUSE'];

export const DECISION_LABELS: Record<BallotDecision, Label> = {
  APPROVE: { zh: '同意', en: 'Approve' },
  REJECT: { zh: '不同意', en: 'Reject' },
  REQUEST_CHANGES: { zh: '請機關修正', en: 'Request changes' },
  RECUSE: { zh: '利益迴避', en: 'Recuse' },
};

/** One sentence under each choice on the ballot, saying what the choice does. */
export const DECISION_EXPLANATIONS: Record<BallotDecision, Label> = {
  APPROVE: {
    zh: '同意本版收費基準，建議通過；機關依規費法第 10 條完成程序並公告後，依生效日實施。',
    en: 'You approve this version of the fee schedule; once approved it takes effect on its effective date.',
  },
  REJECT: {
    zh: '不同意本收費基準；否決時案件結案，理由隨審議結果公布。',
    en: 'You reject the fee schedule; if rejected the case is closed and the reasons are published.',
  },
  REQUEST_CHANGES: {
    zh: '請機關修正後再送審；修改任何收費項目須重新公開徵詢。',
    en: 'You ask the agency to revise and resubmit; a change to any fee item means a new consultation round.',
  },
  RECUSE: {
    zh: '您與本案有利益衝突而不參與表決；不計入在任人數與出席人數。',
    en: 'You have a conflict of interest and take no part; you are not counted among the seats or the quorum.',
  },
};

/** A position in the published record: a decision, or nothing when the member did not act. */
export const NOT_VOTED: Label = { zh: '未投票', en: 'Did not vote' };

export const positionLabel = (decision: BallotDecision | null): Label =>
  decision === null ? NOT_VOTED : DECISION_LABELS[decision];

export const OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  // The group advises; under 規費法 §10 the agency sets the schedule, so never 「核定」.
  APPROVED: { zh: '同意（建議通過）', en: 'Approved (recommended to the agency)' },
  REJECTED: { zh: '否決（不同意）', en: 'Rejected' },
  CHANGES_REQUESTED: { zh: '請機關修正', en: 'Changes requested' },
  NOT_DECIDED: { zh: '未能作成決議，退回機關', en: 'Not decided; returned to the agency' },
};

export const SEAT_LABELS: Record<Seat, Label> = {
  CONVENER: { zh: '召集人', en: 'Convener' },
  AGENCY: { zh: '機關代表', en: 'Agency representative' },
  CIVIL_SOCIETY: { zh: '民間團體代表', en: 'Civil-society representative' },
  SCHOLAR: { zh: '學者專家', en: 'Scholar or expert' },
  INDUSTRY: { zh: '產業代表', en: 'Industry representative' },
};

export const COST_CATEGORY_LABELS: Record<CostCategory, Label> = {
  MEDIA: { zh: '媒體及重製', en: 'Media and reproduction' },
  PERSONNEL: { zh: '人事（工時×時薪）', en: 'Personnel (hours × rate)' },
  PROCESSING: { zh: '處理及客製化', en: 'Processing and customisation' },
  DELIVERY: { zh: '傳輸及遞送', en: 'Delivery and transmission' },
  ANONYMISATION: { zh: '去識別化處理', en: 'Anonymisation' },
  INDIRECT: { zh: '間接成本分攤', en: 'Allocated indirect cost' },
};

export const PURPOSE_LABELS: Record<Purpose, Label> = {
  COMMERCIAL: { zh: '商業利用', en: 'Commercial use' },
  NON_COMMERCIAL: { zh: '非商業利用', en: 'Non-commercial use' },
  ACADEMIC: { zh: '學術研究', en: 'Academic research' },
  PUBLIC_INTEREST: { zh: '公益用途', en: 'Public-interest use' },
};

/**
 * Money as reviewers need to check it: whole dollars without decimals, a cost computed from a fractional
 * quantity with its two decimals (NT$1,234.50), never rounded away.
 */
export function money(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const hundredths = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = hundredths % 100;
  return `${amount < 0 ? '-' : ''}NT$${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/** 0.5 → "50%", 2/3 → "66.7%". */
export const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/** Quorum is met when at least `quorum` of the seated members voted, and there is a seat at all. */
export const quorumMet = (tally: { seats: number; cast: number; quorum: number }): boolean =>
  tally.seats > 0 && tally.cast >= tally.quorum;

/** The proposal as the ballot page and the review packet show it: one version, its fee table and cost basis. */
export interface ReviewedProposal {
  id: string;
  title: AgencyText;
  agencyName: Label;
  version: number;
  legalBasis: string;
  /** ISO 8601 date (YYYY-MM-DD). */
  effectiveFrom: string;
  items: ReviewedFeeItem[];
  reductions: { purpose: Purpose; percent: number }[];
}

export interface ReviewedFeeItem {
  id: string;
  name: AgencyText;
  /** e.g. { zh: '每筆', en: 'per record' } (FEE_UNIT_LABELS). */
  unit: Label;
  /** Unit charge, whole NT$. */
  amountTwd: number;
  /** Σ quantity × unit cost over all cost lines; may carry cents. */
  documentedUnitCostTwd: number;
  /** The same sum over the lines incremental per unit supplied. */
  marginalUnitCostTwd: number;
  /** Declared when the charge is above the marginal cost. */
  exceptionReason?: string;
  costLines: {
    category: CostCategory;
    description: string;
    quantity: number;
    unitCostTwd: number;
    incrementalPerUnit?: boolean;
    incrementalReason?: string;
    /** quantity × unit cost, exactly (fee-rules' lineCost). */
    lineCostTwd: number;
    /** Whether the line counts towards the marginal cost (its category's default or as declared). */
    incremental: boolean;
  }[];
}
