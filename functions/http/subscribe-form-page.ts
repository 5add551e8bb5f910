/**
 * GET /subscriptions/new: the subscription form, for every new consultation or the dataset or
 * proposal named in the query (`?sent=1`: the page after it, saying to check the mail). POST (the
 * same function): the form again as posted, after POST /subscriptions refused it and sent the
 * browser here with a 307. Neither records anything; an unknown dataset or proposal is a 404 page.
 */
import * as z from '#domain/zod';
import { IdSchema } from '#domain/common';
import { topicOf } from '#domain/subscription';
import { pagePaths } from '#usecases/page-paths';
import { topicName } from '#usecases/subscriptions';
import { subscribeFormPage } from '#templates/pages/subscription';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { SUBSCRIPTION_FORM_FIELDS } from '#templates/pages/subscription-form-fields';
import { formValues, RefusalQuery, refusalFromQuery } from './forms.ts';
import { httpHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';

const Query = z.extend(RefusalQuery, {
  sent: z.catch(z.optional(z.literal('1')), undefined),
  datasetId: z.optional(IdSchema),
  proposalId: z.optional(IdSchema),
});

export const handler = httpHandler(
  {
    access: 'public',
    query: Query,
    body: z.unknown(),
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.page }),
  },
  async ({ query, body, locale }) => {
    const problem = refusalFromQuery(query);
    const values = formValues(body, SUBSCRIPTION_FORM_FIELDS);
    const named = {
      ...(query.datasetId ? { datasetId: query.datasetId } : {}),
      ...(query.proposalId && !query.datasetId ? { proposalId: query.proposalId } : {}),
    };
    return pageResult(
      problem?.status ?? 200,
      subscribeFormPage(
        {
          action: pagePaths.subscribeAction(),
          topic: await topicName(topicOf(named)),
          hidden: named,
          sent: query.sent === '1' && !problem,
          form: { values, ...(problem ? { problem } : {}) },
        },
        locale,
      ),
    );
  },
);
