/**
 * POST /subscriptions: follow every new consultation, one dataset's (`datasetId`) or one proposal's
 * news (`proposalId`). Always 202 `{status: "CONFIRMATION_MAILED"}` and a mail with the link that
 * starts it — the same answer whether or not the address already follows it. From the form: 303 to
 * the page that says to check the mail, or, refused, the form again from here with the refusal's
 * status.
 */
import * as z from '#domain/zod';
import { SubscriptionRequestSchema } from '#domain/subscription';
import { pagePaths } from '#usecases/page-paths';
import { requestSubscription } from '#usecases/subscriptions';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { SUBSCRIPTION_FORM_FIELDS } from '#templates/pages/subscription-form-fields';
import { formRefusals } from './form-refusals.ts';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { subscribeFormMarkup } from './subscribe-form-markup.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with SubscriptionRequestSchema either way.
  {
    access: 'public',
    body: z.unknown(),
    pageErrors: formRefusals({
      fields: SUBSCRIPTION_FORM_FIELDS,
      schema: SubscriptionRequestSchema,
      notFound: NOT_FOUND_SUBJECTS.page,
      page: (form, { locale }) => subscribeFormMarkup(form.values, form, locale),
    }),
  },
  async ({ body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: SubscriptionRequestSchema,
        fields: SUBSCRIPTION_FORM_FIELDS,
        run: (input) => requestSubscription(input, lang),
        json: () => json(202, { status: 'CONFIRMATION_MAILED' }),
        accepted: () => pagePaths.subscribeForm({ sent: true }),
      },
    ),
);
