/**
 * GET /subscriptions/new: the subscription form, for every new consultation or the dataset or
 * proposal named in the query (`?sent=1`: the page after it, saying to check the mail); a refused
 * form is shown again by POST /subscriptions itself. Records nothing; an unknown dataset or
 * proposal is a 404 page.
 */
import * as z from '#domain/zod';
import { IdSchema } from '#domain/common';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { subscribeFormMarkup } from './subscribe-form-markup.ts';

const Query = z.object({
  sent: z.droppedIfInvalid(z.literal('1')),
  datasetId: z.optional(IdSchema),
  proposalId: z.optional(IdSchema),
});

export const handler = httpGetHandler(
  {
    access: 'public',
    query: Query,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.page }),
  },
  async ({ query, locale }) =>
    pageResult(200, await subscribeFormMarkup(query, { values: {} }, locale, query.sent === '1')),
);
