/**
 * POST /agency/licensing/{id}/payment: the payment page's form, through the same use case as
 * POST /licenses/{id}/payment, which checks the amount against the quote and the date against the
 * request, and issues the certificate → 303 to the desk with its number; a refusal shows the page
 * again with each field's message in both languages.
 */
import * as z from '#domain/zod';
import { PaymentInputSchema } from '#domain/license';
import { confirmPayment } from '#usecases/confirm-payment';
import { workspacePaths } from '#usecases/workspace-paths';
import { formPost } from './form-post.ts';
import { formToBody, formValues, seeOther } from './forms.ts';
import { paymentPage } from './license-payment-render.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { workspaceHandler } from './workspace-handler.ts';

const FIELDS = ['amountTwd', 'reference', 'receivedOn'] as const;

/** A typed whole amount (digits, thousands commas allowed) is a number; anything else stays as typed, for the schema to name. */
function paymentBody(posted: Record<string, unknown>): Record<string, unknown> {
  const amount =
    typeof posted.amountTwd === 'string' ? posted.amountTwd.trim().replaceAll(',', '') : undefined;
  return amount !== undefined && /^\d{1,12}$/.test(amount)
    ? { ...posted, amountTwd: Number(amount) }
    : posted;
}

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: IdParam, body: z.unknown(), bodyLimitBytes: 8 * 1024 },
  async ({ params, principal, session, body }) => {
    const values = formValues(body, FIELDS);
    return formPost(
      { values, bilingual: true },
      async () => {
        const input = parseWith(PaymentInputSchema, paymentBody(formToBody(values, FIELDS)), 'body');
        const { certificate } = await confirmPayment(params.id, input, principal);
        return seeOther(workspacePaths.licensingNotice('paid', certificate.number));
      },
      (form) => paymentPage(params.id, principal, session, { status: form.problem.status, form }),
    );
  },
);
