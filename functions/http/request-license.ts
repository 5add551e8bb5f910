/**
 * POST /licenses. OPEN data: 201 with the certificate. Data on application: 202 with the quote.
 * From the license request page's form: 303 to the license's page (the certificate to download, or
 * the quote), or 307 to the request page that shows the form again with the refusal.
 */
import * as z from '#domain/zod';
import { LicenseRequestSchema } from '#domain/license';
import { licenseView } from '#usecases/license-view';
import { pagePaths } from '#usecases/page-paths';
import { requestLicense } from '#usecases/request-license';
import { LICENSE_FORM_FIELDS, licenseFormBody } from '#templates/pages/license-form-fields';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with LicenseRequestSchema either way.
  { access: 'public', body: z.unknown() },
  async ({ body, headers }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: LicenseRequestSchema,
        fields: LICENSE_FORM_FIELDS,
        fromForm: licenseFormBody,
        run: requestLicense,
        json: ({ license, certificate, reused }) =>
          json(certificate ? 201 : 202, licenseView(license, certificate, reused)),
        accepted: ({ license, reused }) => `${pagePaths.license(license.id)}${reused ? '?again=1' : ''}`,
        formPage: (values) => pagePaths.licenseRequest(values.datasetId ?? ''),
      },
    ),
);
