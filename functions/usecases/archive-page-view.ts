/**
 * What the archive page shows: the page of proposals the query asks for (proposal-archive.ts), the
 * link to the next page with the same filters, and the choices of its search form (the agencies
 * and datasets of the register, the statuses, the years so far).
 */
import { PUBLIC_STATUSES } from '#domain/proposal-status';
import { currentClock } from '#ports/clock';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { ArchivePageView } from '#templates/pages/archive';
import { proposalSummary } from './home-page-view.ts';
import { proposalArchivePage, type ArchiveQuery } from './proposal-archive.ts';
import { pagePaths } from './page-paths.ts';
import { taipeiYear } from '#domain/taipei-time';

/** The first year the archive offers to filter by (the service's first consultations). */
const FIRST_YEAR = 2024;

export async function archivePageView(query: ArchiveQuery): Promise<ArchivePageView> {
  const agencies = await agencyRepository.list();
  const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
  const [page, datasets] = await Promise.all([
    proposalArchivePage(query, agencyNames),
    Promise.all(agencies.map((a) => datasetRepository.listByAgency(a.id))),
  ]);
  // A year ahead of this one in Taipei, for consultations closing next year.
  const thisYear = taipeiYear(currentClock().now().toISOString());
  return {
    query,
    items: page.items.map((p) => proposalSummary(p, agencyNames)),
    ...(page.cursor ? { nextUrl: pagePaths.archive({ ...query, cursor: page.cursor }) } : {}),
    firstPageUrl: query.cursor ? pagePaths.archive({ ...query, cursor: undefined }) : undefined,
    feedUrl: pagePaths.feed(),
    choices: {
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      datasets: datasets.flat().map((d) => ({ id: d.id, name: d.title })),
      statuses: [...PUBLIC_STATUSES],
      years: Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i),
    },
  };
}
