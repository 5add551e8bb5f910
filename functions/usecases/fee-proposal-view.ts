/**
 * The public view of a proposal: the stored record plus what a reader needs to judge the fee
 * table (each item's documented and marginal unit cost, computed from its cost lines).
 */
import type { FeeProposal } from '#domain/fee-proposal';
import { documentedUnitCost, marginalUnitCost } from '#domain/fee-rules';

export function feeProposalView(proposal: FeeProposal) {
  return {
    ...proposal,
    items: proposal.items.map((item) => ({
      ...item,
      documentedUnitCostTwd: documentedUnitCost(item),
      marginalUnitCostTwd: marginalUnitCost(item),
    })),
  };
}
