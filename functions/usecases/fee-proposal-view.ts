/**
 * The public view of a proposal: the stored record without the workflow's bookkeeping (it holds
 * a task token) and its copy of the last audit event, plus what a reader needs to judge the fee
 * table — each item's documented and marginal unit cost, computed from its cost lines.
 */
import { documentedUnitCost, marginalUnitCost } from '#domain/fee-rules';
import type { ProposalRecord } from '#ports/proposal-repository';

export function feeProposalView(proposal: ProposalRecord) {
  const { workflow: _workflow, lastEvent: _lastEvent, ...visible } = proposal;
  return {
    ...visible,
    items: proposal.items.map((item) => ({
      ...item,
      documentedUnitCostTwd: documentedUnitCost(item),
      marginalUnitCostTwd: marginalUnitCost(item),
    })),
  };
}
