/**
 * GET /agency/licensing/{id}/payment: the payment confirmation page of one license request (its
 * facts, its quote, the form: amount, receipt number, date received). POST (the same function):
 * the same use case as POST /licenses/{id}/payment, which checks the amount against the quote and
 * the date against the request → 303 to the desk with the certificate's number; a refusal shows
 * the page again with each field's message in both languages.
 */
import * as z from '#domain/zod';
import { LICENSE_REQUEST_LABELS, PAYMENT_LABELS, PaymentInputSchema } from '#domain/license';
import { taipeiDate } from '#domain/taipei-time';
import { currentClock } from '#ports/clock';
import { confirmPayment } from '#usecases/confirm-payment';
import { ownLicenseAwaitingPayment } from '#usecases/licensing-desk';
import { quoteView } from '#usecases/quote-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import type { FormState } from '#templates/pages/form-fields';
import { paymentPageBody } from '#templates/pages/licensing-desk';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formToBody, formValues, isFormPost, refusalOf, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

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
  async ({ params, principal, session, headers, body }) => {
    let form: FormState | undefined;
    let status = 200;
    if (isFormPost(headers)) {
      const values = formValues(body, FIELDS);
      try {
        const input = parseWith(PaymentInputSchema, paymentBody(formToBody(values, FIELDS)), 'body');
        const { certificate } = await confirmPayment(params.id, input, principal);
        return seeOther(workspacePaths.licensingNotice('paid', certificate.number));
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        form = { values, problem: refusal };
        status = refusal.status;
      }
    }
    // Also after a refused post: a request paid meanwhile is a page saying it awaits no payment.
    const license = await ownLicenseAwaitingPayment(params.id, principal);
    const page = paymentPageBody(
      {
        id: license.id,
        requestedAt: license.requestedAt,
        licensee: license.licensee,
        dataset: { title: license.dataset.title, version: license.dataset.version },
        quote: quoteView(license.quote),
        action: workspacePaths.licensePayment(license.id),
        labels: { request: LICENSE_REQUEST_LABELS, payment: PAYMENT_LABELS },
        ...(form ? { form } : {}),
      },
      csrfField(session.csrfToken),
      taipeiDate(currentClock().now().toISOString()),
    );
    return workspacePageResult(
      status,
      workspacePage(frameOf(session), { zh: '確認繳費', en: 'Confirm a payment' }, page, {
        current: workspacePaths.licensing(),
        styles: DESK_STYLES,
      }),
    );
  },
);
