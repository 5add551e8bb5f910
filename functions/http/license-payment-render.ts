/**
 * The payment confirmation page of one license request (its facts, its quote, the form), for the
 * page itself (GET /agency/licensing/{id}/payment) and for its form when refused. Its own module:
 * the page's function only reads, the form's issues the certificate, and each bundles only its own.
 */
import { LICENSE_REQUEST_LABELS, PAYMENT_LABELS } from '#domain/license';
import type { Principal } from '#domain/principal';
import type { WorkspaceSession } from '#domain/session';
import { taipeiDate } from '#domain/taipei-time';
import { currentClock } from '#ports/clock';
import { ownLicenseAwaitingPayment } from '#usecases/licensing-desk';
import { quoteView } from '#usecases/quote-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import type { FormState } from '#templates/pages/form-fields';
import { paymentPageBody } from '#templates/pages/licensing-desk';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import type { HttpResult } from './types.ts';
import { frameOf } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

/** The page; a request paid meanwhile (also after a refused post) is a page saying it awaits no payment. */
export async function paymentPage(
  id: string,
  principal: Principal | undefined,
  session: WorkspaceSession,
  refused?: { status: number; form: FormState },
): Promise<HttpResult> {
  const license = await ownLicenseAwaitingPayment(id, principal);
  const page = paymentPageBody(
    {
      id: license.id,
      requestedAt: license.requestedAt,
      licensee: license.licensee,
      dataset: { title: license.dataset.title, version: license.dataset.version },
      quote: quoteView(license.quote),
      action: workspacePaths.licensePayment(license.id),
      labels: { request: LICENSE_REQUEST_LABELS, payment: PAYMENT_LABELS },
      ...(refused ? { form: refused.form } : {}),
    },
    csrfField(session.csrfToken),
    taipeiDate(currentClock().now().toISOString()),
  );
  return workspacePageResult(
    refused?.status ?? 200,
    workspacePage(frameOf(session), { zh: '確認繳費', en: 'Confirm a payment' }, page, {
      current: workspacePaths.licensing(),
      styles: DESK_STYLES,
    }),
  );
}
