/**
 * POST /license-confirmations/{secret}: confirms the request (from the page's button, or JSON).
 * JSON: 200 with the license (ISSUED with its certificate, or AWAITING_PAYMENT with its quote);
 * the form: 303 to the license's page. Unknown link 404, expired 410, an earlier request of the
 * licensee awaiting payment 409 (another purpose) or 422 (other items): a page for the form.
 */
import * as z from '#domain/zod';
import { AppError, GoneError, NotFoundError } from '#domain/errors';
import { confirmLicense } from '#usecases/request-license';
import { licenseView } from '#usecases/license-view';
import { pagePaths } from '#usecases/page-paths';
import {
  HELD_REFUSALS,
  licenseHeldRefusalPage,
  licenseLinkProblemPage,
} from '#templates/pages/license-confirmation';
import { seeOther } from './forms.ts';
import { httpHandler } from './handler.ts';
import { ConfirmationParams } from './license-confirmation-page.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'public', params: ConfirmationParams, body: z.looseObject({}) },
  async ({ params, headers }) => {
    const wantsJson = (headers['content-type'] ?? '').includes('json');
    try {
      const { license, certificate, reused } = await confirmLicense(params.secret);
      return wantsJson
        ? json(200, licenseView(license, certificate, reused))
        : seeOther(`${pagePaths.license(license.id)}${reused ? '?again=1' : ''}`);
    } catch (error) {
      if (wantsJson) throw error;
      if (error instanceof NotFoundError) return pageResult(404, licenseLinkProblemPage('UNKNOWN'));
      if (error instanceof GoneError) return pageResult(410, licenseLinkProblemPage('EXPIRED'));
      if (error instanceof AppError && Object.hasOwn(HELD_REFUSALS, error.code))
        return pageResult(error.statusCode, licenseHeldRefusalPage(error.code as keyof typeof HELD_REFUSALS));
      throw error;
    }
  },
);
