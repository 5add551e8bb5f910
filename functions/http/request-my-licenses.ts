/**
 * POST /my-licenses: always 202 `{status: "LINK_MAILED"}` and a mail to the address with the link
 * to its licenses — the same answer whether or not it holds any. From the form (on the license
 * pages and /my-licenses/new): 303 to the page that says to check the mail, or, refused, the form
 * again from here with the refusal's status.
 */
import * as z from '#domain/zod';
import { MyLicensesRequestSchema } from '#domain/license';
import { pagePaths } from '#usecases/page-paths';
import { mailMyLicensesLink } from '#usecases/my-licenses';
import { MY_LICENSES_FORM_FIELDS } from '#templates/pages/license-form-fields';
import { myLicensesFormPage } from '#templates/pages/my-licenses';
import { formRefusals } from './form-refusals.ts';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with MyLicensesRequestSchema either way.
  {
    access: 'public',
    body: z.unknown(),
    pageErrors: formRefusals({
      fields: MY_LICENSES_FORM_FIELDS,
      schema: MyLicensesRequestSchema,
      page: (form, { locale }) =>
        myLicensesFormPage({ action: pagePaths.myLicensesAction(), sent: false, form }, locale),
    }),
  },
  async ({ body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: MyLicensesRequestSchema,
        fields: MY_LICENSES_FORM_FIELDS,
        run: (input) => mailMyLicensesLink(input, lang),
        json: () => json(202, { status: 'LINK_MAILED' }),
        accepted: () => pagePaths.myLicensesForm(true),
      },
    ),
);
