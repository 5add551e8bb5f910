/**
 * GET /my-licenses/new: the form that mails an address the link to its licenses (`?sent=1`: the
 * page after it, saying to check the mail); a refused form is shown again by POST /my-licenses
 * itself. Records nothing.
 */
import * as z from '#domain/zod';
import { pagePaths } from '#usecases/page-paths';
import { myLicensesFormPage } from '#templates/pages/my-licenses';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Query = z.object({ sent: z.droppedIfInvalid(z.literal('1')) });

export const handler = httpGetHandler({ access: 'public', query: Query }, async ({ query, locale }) =>
  pageResult(
    200,
    myLicensesFormPage(
      { action: pagePaths.myLicensesAction(), sent: query.sent === '1', form: { values: {} } },
      locale,
    ),
  ),
);
