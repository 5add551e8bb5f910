/**
 * The proposal as the ballot page, the review packet mail and the public pages show it: one version,
 * its fee items with their cost basis, every figure computed by the use case (reviewedFeeItem).
 */
import type { CostCategory, Purpose } from '#domain/fee-proposal';
import type { AgencyText } from './agency-text.ts';
import type { Label } from './labels.ts';

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
