/**
 * Register a dataset:
 * 1. the caller must act for the dataset's agency, and the agency must be registered;
 * 2. the dataset is created with its data class; an existing id is a conflict.
 */
import type { Dataset } from '#domain/dataset';
import { RuleViolationError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { requireActingFor } from './access.ts';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';

export async function registerDataset(dataset: Dataset, principal: Principal | undefined): Promise<Dataset> {
  requireActingFor(principal, dataset.agencyId);
  if (!(await agencyRepository.get(dataset.agencyId))) {
    throw new RuleViolationError('UNKNOWN_AGENCY', `Agency '${dataset.agencyId}' is not registered.`, [
      { path: 'agencyId', message: 'Register the agency first.', rule: 'UNKNOWN_AGENCY' },
    ]);
  }
  await datasetRepository.create(dataset);
  return dataset;
}
