/**
 * POST /licenses: always 202 `{id, status: "AWAITING_EMAIL_CONFIRMATION"}` and a mail with the link
 * that confirms the address — the same answer whether or not the address holds a license already.
 * From the license request page's form: 303 to the license's page (which says to check the mail),
 * or 307 to the request page that shows the form again with the refusal.
 */
import * as z from '#domain/zod';
import { LicenseRequestSchema } from '#domain/license';
import { pagePaths } from '#usecases/page-paths';
import { requestLicense } from '#usecases/request-license';
import { LICENSE_FORM_FIELDS, licenseFormBody } from '#templates/pages/license-form-fields';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with LicenseRequestSchema either way.
  { access: 'public', body: z.unknown() },
  async ({ body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: LicenseRequestSchema,
        fields: LICENSE_FORM_FIELDS,
        fromForm: licenseFormBody,
        run: (request) => requestLicense(request, lang),
        json: (license) => json(202, { id: license.id, status: license.status }),
        accepted: (license) => pagePaths.license(license.id),
        formPage: (values) => pagePaths.licenseRequest(values.datasetId ?? ''),
      },
    ),
);
