/**
 * The agency's own proposal as its workspace pages show it: the fee table with the costs the fee
 * rules computed (as the review packet has them), the datasets by title, the consultation length
 * that will apply, and, after a vote asking for changes, the members' reasons.
 */
import { isMaterialRevision, type FeeItem } from '#domain/fee-proposal';
import type { ProposalRecord } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { WorkspaceProposal } from '#templates/pages/proposal-status';
import { packetProposal } from './open-vote.ts';
import { consultationSettings } from './settings.ts';

export async function workspaceProposal(p: ProposalRecord): Promise<WorkspaceProposal> {
  const [packet, datasets] = await Promise.all([
    packetProposal(p),
    Promise.all(p.datasetIds.map((id) => datasetRepository.get(id))),
  ]);
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    version: p.version,
    updatedAt: p.updatedAt,
    legalBasis: p.legalBasis,
    ...(p.explanationUrl ? { explanationUrl: p.explanationUrl } : {}),
    effectiveFrom: p.effectiveFrom,
    justification: p.justification,
    datasets: p.datasetIds.map((id, i) => ({ id, title: datasets[i]?.value.title ?? { zh: id, en: id } })),
    items: packet.items,
    reductions: p.reductions,
    ...(p.paymentInstructions ? { paymentInstructions: p.paymentInstructions } : {}),
    consultationDays: p.consultationDays ?? consultationSettings.defaultDays,
    ...(p.urgencyReason ? { urgencyReason: p.urgencyReason } : {}),
    ...(p.consultation
      ? {
          consultation: {
            round: p.consultation.round,
            opensAt: p.consultation.opensAt,
            closesAt: p.consultation.closesAt,
          },
        }
      : {}),
  };
}

/** The members' reasons, when the last decision asked for changes. */
export function changesRequested(p: ProposalRecord): { member: string; reason: string }[] | undefined {
  if (p.status !== 'CHANGES_REQUESTED' || !p.decision) return undefined;
  return p.decision.positions
    .filter((m) => m.decision === 'REQUEST_CHANGES' || m.decision === 'REJECT')
    .map((m) => ({ member: m.name, reason: m.reason ?? '' }));
}

/** After changes were requested: whether the revision changes the fee items the group reviewed. */
export function resubmission(p: ProposalRecord): { material: boolean } | undefined {
  if (p.status !== 'CHANGES_REQUESTED' || !p.decision) return undefined;
  return { material: isMaterialRevision({ items: p.decision.itemsReviewed as FeeItem[] }, p) };
}
