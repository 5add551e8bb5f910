/** The published decision as the decision record PDF shows it. */
import type { DecisionRecord } from '#domain/records';
import type { ProposalRecord } from '#ports/proposal-repository';
import { agencyRepository } from '#ports/registry-repository';
import type { DecisionRecordView } from '#templates/pdf/decision-record';
import type { FeeItem } from '#domain/fee-proposal';
import { feeItemView } from './fee-item-view.ts';
import { links } from './links.ts';
import { feeLawChecklist } from '#domain/fee-law-steps';
import { feeLawStepsRequired } from './settings.ts';

/**
 * `revision`: the record re-issued after a step of 規費法 §10 (decision-revisions.ts); without it, the
 * record published with the decision. After a favourable vote, where the steps are required, the
 * record lists them: those the proposal has recorded, the others as still to come.
 */
export async function decisionRecordView(
  proposal: ProposalRecord,
  decision: DecisionRecord,
  revision?: DecisionRecordView['revision'],
): Promise<DecisionRecordView> {
  const agency = await agencyRepository.get(proposal.agencyId);
  const review = proposal.review!;
  return {
    proposal: {
      id: proposal.id,
      version: decision.version,
      title: proposal.title,
      agencyName: agency?.name ?? { zh: proposal.agencyId, en: proposal.agencyId },
    },
    group: { name: review.groupName },
    rule: { quorumFraction: review.rule.quorumFraction },
    vote: {
      opensAt: review.opensAt,
      deadline: review.originalDeadline,
      extensions: review.extensions.map((e) => ({ deadline: e.deadline, reason: e.reason })),
    },
    tally: decision.tally,
    outcome: decision.outcome,
    positions: decision.positions.map((p) => ({
      name: p.name,
      seat: p.seat,
      decision: p.decision,
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.castAt ? { castAt: p.castAt } : {}),
    })),
    decidedAt: decision.decidedAt,
    ...(decision.effectiveFrom ? { effectiveFrom: decision.effectiveFrom } : {}),
    ...(decision.reviewBy ? { reviewBy: decision.reviewBy } : {}),
    decisionUrl: links.decision(proposal.id),
    ...(decision.outcome === 'APPROVED' && (proposal.feeLawSteps || feeLawStepsRequired())
      ? {
          feeLawSteps: feeLawChecklist(proposal.feeLawSteps ?? []),
        }
      : {}),
    ...(proposal.feeLawSteps?.some((s) => s.step === 'ANNOUNCEMENT')
      ? { announcedEffectiveFrom: proposal.effectiveFrom }
      : {}),
    ...(revision ? { revision } : {}),
    items: (decision.itemsReviewed as FeeItem[]).map((item) => {
      const view = feeItemView(item);
      return {
        id: view.id,
        name: view.name,
        unit: { zh: view.unit.zh, en: view.unit.en },
        amountTwd: view.amountTwd,
        documentedUnitCostTwd: view.documentedUnitCostTwd,
        marginalUnitCostTwd: view.marginalUnitCostTwd,
      };
    }),
  };
}
