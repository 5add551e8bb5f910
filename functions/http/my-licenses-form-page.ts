/**
 * GET /my-licenses/new: the form that mails an address the link to its licenses (`?sent=1`: the
 * page after it, saying to check the mail). POST /my-licenses/new (the same function): the form
 * again as posted, after POST /my-licenses refused it and sent the browser here with a 307.
 * Neither records anything.
 */
import * as z from '#domain/zod';
import { pagePaths } from '#usecases/page-paths';
import { myLicensesFormPage } from '#templates/pages/my-licenses';
import { MY_LICENSES_FORM_FIELDS } from '#templates/pages/license-form-fields';
import { formValues, RefusalQuery, refusalFromQuery } from './forms.ts';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Query = z.extend(RefusalQuery, { sent: z.catch(z.optional(z.literal('1')), undefined) });

export const handler = httpHandler(
  { access: 'public', query: Query, body: z.unknown() },
  async ({ query, body }) => {
    const problem = refusalFromQuery(query);
    const values = formValues(body, MY_LICENSES_FORM_FIELDS);
    return pageResult(
      problem?.status ?? 200,
      myLicensesFormPage({
        action: pagePaths.myLicensesAction(),
        sent: query.sent === '1' && !problem,
        form: { values, ...(problem ? { problem } : {}) },
      }),
    );
  },
);
