/**
 * GET /licenses/new?datasetId=…: the license request page of a dataset, whose form posts to
 * POST /licenses and ends on the certificate (OPEN data) or the quote (data on application).
 */
import * as z from 'zod';
import { NotFoundError } from '#domain/errors';
import { licenseDatasetView } from '#usecases/license-request-view';
import { pagePaths } from '#usecases/page-paths';
import { licenseRequestPage } from '#templates/pages/license';
import type { LicenseRequestPageView } from '#templates/pages/license';
import { notFoundPage } from '#templates/pages/not-found';
import { seeOther } from './forms.ts';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import type { HttpResult } from './types.ts';

/** Without a dataset the page has nothing to show: the home page lists the datasets. */
const Query = z.object({ datasetId: z.string().min(1).max(200).optional() });

/** The page, or its 404; `form` carries a refused form. */
export async function licenseRequestPageResult(
  datasetId: string,
  status: number,
  form?: LicenseRequestPageView['form'],
): Promise<HttpResult> {
  try {
    const dataset = await licenseDatasetView(datasetId);
    return pageResult(
      status,
      licenseRequestPage({ dataset, action: pagePaths.licenseAction(), ...(form ? { form } : {}) }),
    );
  } catch (error) {
    if (error instanceof NotFoundError)
      return pageResult(404, notFoundPage({ zh: '資料集', en: 'Dataset' }, datasetId));
    throw error;
  }
}

export const handler = httpHandler({ access: 'public', query: Query }, async ({ query }) =>
  query.datasetId === undefined ? seeOther('/#licenses') : licenseRequestPageResult(query.datasetId, 200),
);
