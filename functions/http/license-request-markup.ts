/**
 * The license request page of a dataset, with the form as posted when it was refused: shown by
 * GET /licenses/new and, for a refused form, by POST /licenses itself. An unknown or absent
 * dataset is a NotFoundError (the routes' 404 page names the dataset).
 */
import { NotFoundError } from '#domain/errors';
import { fieldLimitsOf } from '#domain/field-limits';
import { LICENSE_REQUEST_LABELS, LicenseRequestSchema } from '#domain/license';
import { licenseDatasetView } from '#usecases/license-request-view';
import { pagePaths } from '#usecases/page-paths';
import { licenseRequestPage, type LicenseRequestPageView } from '#templates/pages/license';
import type { PageLocale } from '#templates/language';

export async function licenseRequestMarkup(
  datasetId: string,
  locale: PageLocale,
  form?: LicenseRequestPageView['form'],
): Promise<string> {
  if (datasetId === '') throw new NotFoundError('Dataset', datasetId);
  return licenseRequestPage(
    {
      dataset: await licenseDatasetView(datasetId),
      action: pagePaths.licenseAction(),
      fieldLabels: LICENSE_REQUEST_LABELS,
      fieldLimits: fieldLimitsOf(LicenseRequestSchema),
      ...(form ? { form } : {}),
    },
    locale,
  );
}
