/** Reading the registry for the public API: agencies and datasets, an unknown id a 404. */
import { NotFoundError } from '#domain/errors';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { StoredDataset } from './dataset-view.ts';

export async function readAgency(id: string) {
  const agency = await agencyRepository.get(id);
  if (!agency) throw new NotFoundError('Agency', id);
  return { ...agency, datasets: await datasetRepository.listByAgency(agency.id) };
}

export const listAgencies = () => agencyRepository.list();

export async function readDataset(id: string): Promise<StoredDataset> {
  const found = await datasetRepository.get(id);
  if (!found) throw new NotFoundError('Dataset', id);
  return found.value as StoredDataset;
}

/** The name of the agency that holds a dataset (its id where the registry has no such agency). */
export async function agencyNameOf(agencyId: string) {
  const agency = await agencyRepository.get(agencyId);
  return agency?.name ?? { zh: agencyId, en: agencyId };
}
