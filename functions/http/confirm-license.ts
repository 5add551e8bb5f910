/**
 * POST /license-confirmations/{secret}: confirms the request (from the page's button, or JSON).
 * JSON: 200 with the license (ISSUED with its certificate, or AWAITING_PAYMENT with its quote);
 * the form: 303 to the license's page. Unknown link 404, expired 410, an earlier request of the
 * licensee awaiting payment 409 (another purpose) or 422 (other items): a page for the form.
 */
import * as z from '#domain/zod';
import { confirmLicense } from '#usecases/request-license';
import { licenseView } from '#usecases/license-view';
import { pagePaths } from '#usecases/page-paths';
import { seeOther } from './forms.ts';
import { httpHandler } from './handler.ts';
import { LICENSE_LINK_ERRORS } from './license-link-errors.ts';
import { wantsPage } from './page-errors.ts';
import { json } from './types.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpHandler(
  {
    access: 'public',
    params: SecretParam,
    body: z.looseObject({}),
    pageErrors: LICENSE_LINK_ERRORS.forms,
  },
  async ({ params, headers }) => {
    const { license, certificate, reused } = await confirmLicense(params.secret);
    return wantsPage(headers, 'forms')
      ? seeOther(`${pagePaths.license(license.id)}${reused ? '?again=1' : ''}`)
      : json(200, licenseView(license, certificate, reused));
  },
);
