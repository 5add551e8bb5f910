/**
 * GET /licenses/new?datasetId=…: the license request page of a dataset, whose form posts to
 * POST /licenses and ends on the license's page: the certificate (OPEN data) or the quote.
 * POST /licenses/new (the same function): the page again with the form as posted, after POST
 * /licenses refused it and sent the browser here with a 307 (the refusal is in the query).
 * Neither records anything.
 */
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { licenseDatasetView } from '#usecases/license-request-view';
import { pagePaths } from '#usecases/page-paths';
import { licenseRequestPage } from '#templates/pages/license';
import type { LicenseRequestPageView } from '#templates/pages/license';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { LICENSE_FORM_FIELDS, licenseFormBody } from '#templates/pages/license-form-fields';
import { LICENSE_REQUEST_LABELS, LicenseRequestSchema } from '#domain/license';
import {
  fieldMessagesOf,
  formToBody,
  formValues,
  RefusalQuery,
  refusalFromQuery,
  seeOther,
} from './forms.ts';
import { httpHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import type { HttpResult } from './types.ts';

/** Without a dataset the page has nothing to show: the home page lists the datasets. */
const Query = z.extend(RefusalQuery, { datasetId: z.optional(z.string().check(z.maxLength(200))) });

/** The page; `form` carries a refused form. */
async function licenseRequestPageResult(
  datasetId: string,
  status: number,
  form: LicenseRequestPageView['form'] | undefined,
): Promise<HttpResult> {
  if (datasetId === '') throw new NotFoundError('Dataset', datasetId);
  const dataset = await licenseDatasetView(datasetId);
  return pageResult(
    status,
    licenseRequestPage({
      dataset,
      action: pagePaths.licenseAction(),
      fieldLabels: LICENSE_REQUEST_LABELS,
      ...(form ? { form } : {}),
    }),
  );
}

export const handler = httpHandler(
  {
    access: 'public',
    query: Query,
    body: z.unknown(),
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.dataset }),
  },
  async ({ query, body }) => {
    const values = formValues(body, LICENSE_FORM_FIELDS);
    const refused = refusalFromQuery(query);
    const posted = licenseFormBody(formToBody(values, LICENSE_FORM_FIELDS));
    const problem = refused && {
      ...refused,
      messages: fieldMessagesOf(LicenseRequestSchema, posted.body, posted.formPath),
    };
    const datasetId = query.datasetId || values.datasetId;
    if (!datasetId && !problem) return seeOther('/#licenses');
    return licenseRequestPageResult(
      datasetId ?? '',
      problem?.status ?? 200,
      problem || Object.keys(values).length > 0 ? { values, ...(problem ? { problem } : {}) } : undefined,
    );
  },
);
