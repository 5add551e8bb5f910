/**
 * Edit a registered dataset (class, version, legal reason, conditions of use, distribution hash…):
 * 1. the caller must act for the dataset's agency;
 * 2. the domain's edit rules hold (same id and agency; a dataset with a fee schedule stays on application);
 * 3. the new record replaces the one read, keeping the fee schedules the service published on it,
 *    in one write conditional on the revision read (409 DATASET_CHANGED when another edit came first).
 */
import type { Dataset } from '#domain/dataset';
import { assertDatasetEdit } from '#domain/dataset-edit';
import { NotFoundError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { datasetRepository } from '#ports/registry-repository';
import { requireActingFor } from './access.ts';
import type { StoredDataset } from './dataset-view.ts';

export async function editDataset(
  id: string,
  next: Dataset,
  principal: Principal | undefined,
): Promise<Dataset> {
  const found = await datasetRepository.get(id);
  if (!found) throw new NotFoundError('Dataset', id);
  const stored = found.value as StoredDataset;
  requireActingFor(principal, stored.agencyId);
  assertDatasetEdit(stored, next);
  const edited: StoredDataset = {
    ...next,
    ...(stored.feeSchedules ? { feeSchedules: stored.feeSchedules } : {}),
  };
  await datasetRepository.replace(edited, found.revision);
  return next;
}

/** A dataset of the caller's agency, as stored, for its edit form. */
export async function ownDataset(id: string, principal: Principal | undefined): Promise<Dataset> {
  const found = await datasetRepository.get(id);
  if (!found) throw new NotFoundError('Dataset', id);
  requireActingFor(principal, found.value.agencyId);
  return found.value;
}
