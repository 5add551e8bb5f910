/**
 * GET /my-licenses/{secret}: the licenses of the address the link was mailed to, each with where it
 * stands and its page. Changes nothing. Unknown link 404, expired 410, each a page with the way to
 * a new link.
 */
import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { myLicensesView } from '#usecases/my-licenses';
import { pagePaths } from '#usecases/page-paths';
import { myLicensesLinkProblemPage, myLicensesPage } from '#templates/pages/my-licenses';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler({ access: 'public', params: Params }, async ({ params }) => {
  const formPath = pagePaths.myLicensesForm();
  try {
    return pageResult(200, myLicensesPage({ ...(await myLicensesView(params.secret)), formPath }));
  } catch (error) {
    if (error instanceof NotFoundError)
      return pageResult(404, myLicensesLinkProblemPage('UNKNOWN', formPath));
    if (error instanceof GoneError) return pageResult(410, myLicensesLinkProblemPage('EXPIRED', formPath));
    throw error;
  }
});
