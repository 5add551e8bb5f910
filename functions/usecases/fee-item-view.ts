/** A fee item as documents and pages show it: unit in words, documented and marginal unit cost. */
import type { FeeItem } from '#domain/fee-proposal';
import { documentedUnitCost, marginalUnitCost } from '#domain/fee-rules';
import { feeUnit } from '#templates/fee-units';

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
