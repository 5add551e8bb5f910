/**
 * What an agency may change when it edits a registered dataset. The id and the agency are the
 * dataset's identity; a dataset that carries a fee schedule stays data provided on application,
 * since only such data may be charged for. Certificates pin the version they were issued for,
 * so a new version leaves every issued certificate as it was.
 */
import type { Dataset } from './dataset.ts';
import type { FeeScheduleEntry } from './fee-schedule.ts';
import { RuleViolationError, ValidationError } from './errors.ts';

export function assertDatasetEdit(
  stored: Dataset & { feeSchedules?: readonly FeeScheduleEntry[] },
  next: Dataset,
): void {
  if (next.id !== stored.id) {
    throw new ValidationError(`The body names dataset '${next.id}', the path '${stored.id}'.`, [
      { path: 'id', message: 'A dataset keeps its id; send the id of the path.' },
    ]);
  }
  if (next.agencyId !== stored.agencyId) {
    throw new RuleViolationError(
      'DATASET_AGENCY_FIXED',
      `Dataset '${stored.id}' belongs to agency '${stored.agencyId}'.`,
      [
        {
          path: 'agencyId',
          message: 'A dataset stays with the agency that registered it.',
          rule: 'DATASET_AGENCY_FIXED',
        },
      ],
    );
  }
  if ((stored.feeSchedules?.length ?? 0) > 0 && next.classification !== 'ON_APPLICATION') {
    throw new RuleViolationError(
      'DATASET_CARRIES_FEE_SCHEDULE',
      `Dataset '${stored.id}' carries an approved fee schedule, so it stays ON_APPLICATION.`,
      [
        {
          path: 'classification',
          message: 'Only data provided on application may carry a fee schedule.',
          rule: 'DATASET_CARRIES_FEE_SCHEDULE',
        },
      ],
    );
  }
}
