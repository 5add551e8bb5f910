/**
 * The facts of the agency dashboard (/agency), read with queries (no scan), and what waits for
 * the agency computed from them by the domain (agency-agenda.ts).
 */
import { agencyAgenda, RECENT_CERTIFICATES, type Agenda, type AgendaFacts } from '#domain/agency-agenda';
import type { FeeProposal } from '#domain/fee-proposal';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { commentRepository } from '#ports/comment-repository';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { StoredDataset } from './dataset-view.ts';
import { ownAgencyOf } from './read-fee-proposals.ts';
import { feeLawStepsRequired } from './settings.ts';

/** As many awaiting licenses as the dashboard lists; the licenses desk pages through the rest. */
const AWAITING_SHOWN = 50;

export interface AgencyDashboard {
  agencyId: string;
  proposals: FeeProposal[];
  agenda: Agenda;
}

export async function agencyDashboard(principal: Principal | undefined): Promise<AgencyDashboard> {
  const agencyId = ownAgencyOf(principal);
  const [proposals, datasets, awaiting, issued] = await Promise.all([
    allProposals(agencyId),
    datasetRepository.listByAgency(agencyId),
    licenseRepository.listByAgency(agencyId, 'AWAITING_PAYMENT', { limit: AWAITING_SHOWN }),
    licenseRepository.listByAgency(agencyId, 'ISSUED', { limit: RECENT_CERTIFICATES }),
  ]);
  const facts: AgendaFacts = {
    proposals: await Promise.all(
      proposals.map(async (p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        ...(p.consultation ? { consultation: { closesAt: p.consultation.closesAt } } : {}),
        unanswered: await unansweredCount(p),
        ...(p.decision ? { decision: p.decision } : {}),
        ...(p.feeLawSteps ? { feeLawSteps: p.feeLawSteps } : {}),
      })),
    ),
    schedules: (datasets as StoredDataset[]).flatMap((d) =>
      (d.feeSchedules ?? [])
        .filter((s) => s.status === 'EFFECTIVE' || s.status === 'ANNOUNCED')
        .map((s) => ({
          datasetId: d.id,
          datasetTitle: d.title,
          proposalId: s.proposalId,
          title: s.title,
          ...(s.reviewBy ? { reviewBy: s.reviewBy } : {}),
        })),
    ),
    awaitingPayment: awaiting.items.map((l) => ({
      id: l.id,
      licensee: l.licensee,
      datasetTitle: l.dataset.title,
      requestedAt: l.requestedAt,
      ...(l.quote ? { totalTwd: l.quote.totalTwd } : {}),
    })),
    certificates: issued.items
      .filter((l) => l.certificate)
      .map((l) => ({
        number: l.certificate!.number,
        issuedAt: l.certificate!.issuedAt,
        licensee: l.licensee,
        datasetTitle: l.dataset.title,
      })),
    feeLawSteps: feeLawStepsRequired(),
  };
  return { agencyId, proposals, agenda: agencyAgenda(facts, currentClock().now()) };
}

async function allProposals(agencyId: string): Promise<ProposalRecord[]> {
  const all: ProposalRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await proposalRepository.listByAgency(agencyId, { limit: 100, cursor });
    all.push(...(page.items as ProposalRecord[]));
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** Comments of the proposal's current round still without an answer (the sparse index lists only those). */
async function unansweredCount(p: ProposalRecord): Promise<number> {
  if ((p.status !== 'IN_CONSULTATION' && p.status !== 'AWAITING_RESPONSES') || !p.consultation) return 0;
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await commentRepository.listUnansweredCommentsPage(p.id, p.consultation.round, {
      limit: 200,
      cursor,
    });
    count += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return count;
}
