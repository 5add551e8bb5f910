/**
 * What the proposal editor shows beside the clerk's rows:
 * 1. the agency's own datasets a fee may attach to (data on application), to tick;
 * 2. for each fee item whose cost lines are complete, the documented unit cost, the marginal cost
 *    and whether the charge needs an exception reason, computed by the fee rules from the rows as
 *    posted, on every post of the form (a save, or a row added or removed).
 */
import * as z from '#domain/zod';
import { AmountTwdSchema } from '#domain/common';
import { CostLineSchema } from '#domain/fee-proposal';
import { documentedUnitCost, exceptionReasonNeeded, marginalUnitCost } from '#domain/fee-rules';
import { datasetRepository } from '#ports/registry-repository';
import type { ItemCostsView } from '#templates/pages/proposal-editor';

const CostLinesSchema = z.array(CostLineSchema).check(z.minLength(1));

/** The costs of one item of the body the form stands for; undefined while a cost line is incomplete. */
export function itemCosts(item: unknown): ItemCostsView | undefined {
  const { costLines, amountTwd } = (typeof item === 'object' && item !== null ? item : {}) as Record<
    string,
    unknown
  >;
  const lines = CostLinesSchema.safeParse(costLines);
  if (!lines.success) return undefined;
  const amount = AmountTwdSchema.safeParse(amountTwd);
  const item_ = { costLines: lines.data, amountTwd: amount.success ? amount.data : 0 };
  const documented = documentedUnitCost(item_);
  return {
    documentedUnitCostTwd: documented,
    marginalUnitCostTwd: marginalUnitCost(item_),
    ...(amount.success ? { amountTwd: amount.data } : {}),
    exceptionReasonNeeded: amount.success && exceptionReasonNeeded(item_),
    chargeAboveDocumented: amount.success && amount.data > documented,
  };
}

/** The agency's datasets a fee schedule may cover, by title. */
export async function feeableDatasets(agencyId: string) {
  const datasets = await datasetRepository.listByAgency(agencyId);
  return datasets
    .filter((d) => d.classification === 'ON_APPLICATION')
    .map((d) => ({ id: d.id, title: d.title }));
}
