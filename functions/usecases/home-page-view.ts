/**
 * What the home page lists: proposals open for comment (closing soonest first), those under review
 * (and those sent back for changes),
 * the approved schedules, and every registered dataset with the way to license it. Each list is one
 * query by status or by agency; nothing is scanned.
 */
import type { FeeProposal, ProposalStatus } from '#domain/fee-proposal';
import type { LocalizedText } from '#domain/common';
import { proposalRepository } from '#ports/proposal-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { HomePageView, ProposalSummary } from '#templates/pages/home';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import { pagePaths } from './page-paths.ts';

const LIST_LIMIT = 50;

/** A proposal as the home page and the archive list it. */
export function proposalSummary(p: FeeProposal, agencyName: Map<string, LocalizedText>): ProposalSummary {
  return {
    id: p.id,
    title: p.title,
    agencyName: agencyName.get(p.agencyId) ?? { zh: p.agencyId, en: p.agencyId },
    status: p.status,
    url: pagePaths.consultation(p.id),
    itemCount: p.items.length,
    ...(p.consultation ? { closesAt: p.consultation.closesAt } : {}),
    effectiveFrom: p.effectiveFrom,
  };
}

export async function homePageView(): Promise<HomePageView> {
  const agencies = await agencyRepository.list();
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const summary = (p: FeeProposal) => proposalSummary(p, agencyName);
  const inStatus = async (statuses: ProposalStatus[], oldestFirst = false) =>
    (
      await Promise.all(
        statuses.map(
          async (status) =>
            (await proposalRepository.listByStatus(status, { limit: LIST_LIMIT, oldestFirst })).items,
        ),
      )
    )
      .flat()
      .map(summary);

  const [open, underReview, decided, datasets] = await Promise.all([
    inStatus(['IN_CONSULTATION'], true),
    // Sent back for changes, a proposal stays in view until the agency revises or withdraws it.
    inStatus(['AWAITING_RESPONSES', 'UNDER_REVIEW', 'CHANGES_REQUESTED']),
    inStatus(['EFFECTIVE', 'APPROVED']),
    Promise.all(agencies.map((a) => datasetRepository.listByAgency(a.id))),
  ]);
  return {
    open,
    underReview,
    decided,
    links: { archive: pagePaths.archive(), feed: pagePaths.feed(), subscribe: pagePaths.subscribeForm() },
    datasets: (datasets.flat() as StoredDataset[]).map((d) => ({
      id: d.id,
      title: d.title,
      url: pagePaths.dataset(d.id),
      agencyName: agencyName.get(d.agencyId) ?? { zh: d.agencyId, en: d.agencyId },
      version: d.version,
      classification: d.classification,
      ...(d.classification === 'NOT_PROVIDED' ? {} : { licenseUrl: pagePaths.licenseRequest(d.id) }),
      ...feeScheduleTitle(d),
    })),
  };
}

/** The title of the schedule in force today, for the dataset list. */
function feeScheduleTitle(dataset: StoredDataset) {
  const { inForce } = schedulesOf(dataset);
  return inForce ? { feeScheduleTitle: inForce.title } : {};
}
