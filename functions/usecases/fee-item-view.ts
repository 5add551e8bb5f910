/** A fee item as documents and pages show it: unit in words, documented and marginal unit cost. */
import { isIncremental, type FeeItem } from '#domain/fee-proposal';
import { documentedUnitCost, lineCost, marginalUnitCost } from '#domain/fee-rules';
import { feeUnit } from '#templates/fee-units';
import type { ReviewedFeeItem } from '#templates/reviewed-proposal';

export function feeItemView(item: FeeItem) {
  return {
    id: item.id,
    name: item.name,
    unit: feeUnit(item.unit),
    amountTwd: item.amountTwd,
    documentedUnitCostTwd: documentedUnitCost(item),
    marginalUnitCostTwd: marginalUnitCost(item),
    ...(item.exceptionReason ? { exceptionReason: item.exceptionReason } : {}),
  };
}

/** The item with its cost basis, each line's cost and whether it counts as marginal computed here. */
export function reviewedFeeItem(item: FeeItem): ReviewedFeeItem {
  return {
    ...feeItemView(item),
    costLines: item.costLines.map((line) => ({
      ...line,
      lineCostTwd: lineCost(line),
      incremental: isIncremental(line),
    })),
  };
}
