/**
 * GET /agency/licensing/{id}/payment: the payment confirmation page of one license request of the
 * agency's (its facts, its quote, the form: amount, receipt number, date received); the form
 * posts to confirm-payment-form.ts.
 */
import { paymentPage } from './license-payment-render.ts';
import { IdParam } from './path-params.ts';
import { workspaceGetHandler } from './workspace-handler.ts';

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', params: IdParam },
  async ({ params, principal, session }) => paymentPage(params.id, principal, session),
);
