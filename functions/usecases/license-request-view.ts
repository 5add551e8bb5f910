/**
 * What the license request page shows of a dataset: its class, its agency and, for data provided on
 * application, the fee schedule in force that will price the quote (its charges, limits and declared
 * reductions) and the next one if published.
 */
import { NotFoundError } from '#domain/errors';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { LicenseDatasetView, LicenseScheduleView } from '#templates/pages/license';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import type { ScheduleTimelineEntry } from '#domain/fee-schedule';
import { pagePaths } from './page-paths.ts';

export async function licenseDatasetView(datasetId: string): Promise<LicenseDatasetView> {
  const found = await datasetRepository.get(datasetId);
  if (!found) throw new NotFoundError('Dataset', datasetId);
  const dataset = found.value as StoredDataset;
  const agency = await agencyRepository.get(dataset.agencyId);
  const { inForce, next } = schedulesOf(dataset);
  return {
    id: dataset.id,
    title: dataset.title,
    agencyName: agency?.name ?? { zh: dataset.agencyId, en: dataset.agencyId },
    version: dataset.version,
    classification: dataset.classification,
    ...(dataset.description ? { description: dataset.description } : {}),
    ...(dataset.notProvidedReason ? { notProvidedReason: dataset.notProvidedReason } : {}),
    ...(inForce ? { feeSchedule: scheduleView(inForce) } : {}),
    ...(next ? { nextFeeSchedule: scheduleView(next) } : {}),
  };
}

export function scheduleView(entry: ScheduleTimelineEntry): LicenseScheduleView {
  return {
    proposalId: entry.proposalId,
    title: entry.title,
    effectiveFrom: entry.effectiveFrom,
    url: pagePaths.consultation(entry.proposalId),
    items: entry.items,
    reductions: entry.reductions,
    dueForReview: entry.dueForReview,
  };
}
