/**
 * GET /licenses/new?datasetId=…: the license request page of a dataset, whose form posts to
 * POST /licenses and ends on the license's page: the certificate (OPEN data) or the quote; a
 * refused form is shown again by POST /licenses itself. Records nothing.
 */
import * as z from '#domain/zod';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { seeOther } from './forms.ts';
import { httpGetHandler } from './handler.ts';
import { licenseRequestMarkup } from './license-request-markup.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';

/** Without a dataset the page has nothing to show: the home page lists the datasets. */
const Query = z.object({ datasetId: z.optional(z.string().check(z.maxLength(200))) });

export const handler = httpGetHandler(
  {
    access: 'public',
    query: Query,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.dataset }),
  },
  async ({ query, locale }) =>
    query.datasetId
      ? pageResult(200, await licenseRequestMarkup(query.datasetId, locale))
      : seeOther('/#licenses'),
);
