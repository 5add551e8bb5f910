/**
 * GET /my-licenses/{secret}: the licenses of the address the link was mailed to, each with where it
 * stands and its page. Changes nothing. Unknown link 404, expired 410, each a page with the way to
 * a new link.
 */
import * as z from '#domain/zod';
import { myLicensesView } from '#usecases/my-licenses';
import { pagePaths } from '#usecases/page-paths';
import { myLicensesLinkProblemPage, myLicensesPage } from '#templates/pages/my-licenses';
import { httpHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler(
  {
    access: 'public',
    params: Params,
    pageErrors: pageErrors({
      audience: 'everyone',
      notFound: () => myLicensesLinkProblemPage('UNKNOWN', pagePaths.myLicensesForm()),
      gone: () => myLicensesLinkProblemPage('EXPIRED', pagePaths.myLicensesForm()),
    }),
  },
  async ({ params }) =>
    pageResult(
      200,
      myLicensesPage({ ...(await myLicensesView(params.secret)), formPath: pagePaths.myLicensesForm() }),
    ),
);
