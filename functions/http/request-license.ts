/**
 * POST /licenses: always 202 `{id, status: "AWAITING_EMAIL_CONFIRMATION"}` and a mail with the link
 * that confirms the address — the same answer whether or not the address holds a license already.
 * From the license request page's form: 303 to the license's page (which says to check the mail),
 * or, refused, the request page again from here with the form as posted and the refusal's status.
 */
import * as z from '#domain/zod';
import { LicenseRequestSchema } from '#domain/license';
import { pagePaths } from '#usecases/page-paths';
import { requestLicense } from '#usecases/request-license';
import { LICENSE_FORM_FIELDS, licenseFormBody } from '#templates/pages/license-form-fields';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { formRefusals } from './form-refusals.ts';
import { jsonOrForm, type FormSpec } from './forms.ts';
import { httpHandler } from './handler.ts';
import { licenseRequestMarkup } from './license-request-markup.ts';
import { json } from './types.ts';

const FORM: FormSpec = { fields: LICENSE_FORM_FIELDS, fromForm: licenseFormBody };

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with LicenseRequestSchema either way.
  {
    access: 'public',
    body: z.unknown(),
    pageErrors: formRefusals({
      ...FORM,
      schema: LicenseRequestSchema,
      notFound: NOT_FOUND_SUBJECTS.dataset,
      page: (form, { locale }) => licenseRequestMarkup(form.values.datasetId ?? '', locale, form),
    }),
  },
  async ({ body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        ...FORM,
        schema: LicenseRequestSchema,
        run: (request) => requestLicense(request, lang),
        json: (license) => json(202, { id: license.id, status: license.status }),
        accepted: (license) => pagePaths.license(license.id),
      },
    ),
);
