/**
 * What a dataset's fee-schedule page shows: the schedule in force today in Taiwan with its items,
 * the one that takes effect next, and every schedule ever published on it (newest first), each with
 * the dates it took effect and was superseded, from the timeline the domain computes.
 */
import { NotFoundError } from '#domain/errors';
import type { ScheduleTimelineEntry } from '#domain/fee-schedule';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { FeeSchedulesPageView, ScheduleHistoryView } from '#templates/pages/dataset-fee-schedules';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import { scheduleView } from './license-request-view.ts';
import { pagePaths } from './page-paths.ts';

export async function feeSchedulesView(datasetId: string): Promise<FeeSchedulesPageView> {
  const found = await datasetRepository.get(datasetId);
  if (!found) throw new NotFoundError('Dataset', datasetId);
  const dataset = found.value as StoredDataset;
  const agency = await agencyRepository.get(dataset.agencyId);
  const { inForce, next, history } = schedulesOf(dataset);
  const entry = (e: ScheduleTimelineEntry): ScheduleHistoryView => ({
    ...scheduleView(e),
    status: e.status,
    legalBasis: e.legalBasis,
    ...(e.supersededAt ? { supersededAt: e.supersededAt } : {}),
    ...(e.reviewBy ? { reviewBy: e.reviewBy } : {}),
    inForce: e.proposalId === inForce?.proposalId,
    next: e.proposalId === next?.proposalId,
  });
  return {
    dataset: {
      id: dataset.id,
      title: dataset.title,
      agencyName: agency?.name ?? { zh: dataset.agencyId, en: dataset.agencyId },
      classification: dataset.classification,
      url: pagePaths.dataset(dataset.id),
    },
    ...(inForce ? { inForce: entry(inForce) } : {}),
    ...(next ? { next: entry(next) } : {}),
    history: history.map(entry).reverse(),
  };
}
