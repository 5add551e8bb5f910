/**
 * GET /my-licenses/{secret}: the licenses of the address the link was mailed to, each with where it
 * stands and its page. Changes nothing. Unknown link 404, expired 410, each a page with the way to
 * a new link.
 */
import { myLicensesView } from '#usecases/my-licenses';
import { pagePaths } from '#usecases/page-paths';
import { myLicensesLinkProblemPage, myLicensesPage } from '#templates/pages/my-licenses';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpGetHandler(
  {
    access: 'public',
    params: SecretParam,
    pageErrors: pageErrors({
      audience: 'everyone',
      notFound: (_error, { locale }) =>
        myLicensesLinkProblemPage('UNKNOWN', pagePaths.myLicensesForm(), locale),
      gone: (_error, { locale }) => myLicensesLinkProblemPage('EXPIRED', pagePaths.myLicensesForm(), locale),
    }),
  },
  async ({ params, locale }) =>
    pageResult(
      200,
      myLicensesPage(
        { ...(await myLicensesView(params.secret)), formPath: pagePaths.myLicensesForm() },
        locale,
      ),
    ),
);
