/**
 * What the license request page shows of a dataset: its class, its agency and, for data provided on
 * application, the fee schedule that will price the quote (its charges and declared reductions).
 */
import { NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { LicenseDatasetView } from '#templates/pages/license';
import type { StoredDataset } from './dataset-view.ts';
import { pagePaths } from './page-paths.ts';

export async function licenseDatasetView(datasetId: string): Promise<LicenseDatasetView> {
  const found = await datasetRepository.get(datasetId);
  if (!found) throw new NotFoundError('Dataset', datasetId);
  const dataset = found.value as StoredDataset;
  const agency = await agencyRepository.get(dataset.agencyId);
  const ref = dataset.feeSchedule;
  const schedule = ref ? (await proposalRepository.get(ref.proposalId))?.value : undefined;
  return {
    id: dataset.id,
    title: dataset.title,
    agencyName: agency?.name ?? { zh: dataset.agencyId, en: dataset.agencyId },
    version: dataset.version,
    classification: dataset.classification,
    ...(dataset.description ? { description: dataset.description } : {}),
    ...(dataset.notProvidedReason ? { notProvidedReason: dataset.notProvidedReason } : {}),
    ...(ref && schedule
      ? {
          feeSchedule: {
            proposalId: ref.proposalId,
            title: ref.title,
            effectiveFrom: ref.effectiveFrom,
            status: ref.status,
            url: pagePaths.consultation(ref.proposalId),
            items: schedule.items.map((i) => ({
              id: i.id,
              name: i.name,
              unit: i.unit,
              amountTwd: i.amountTwd,
            })),
            reductions: schedule.reductions,
          },
        }
      : {}),
  };
}
