/**
 * GET /agency/licensing: the agency's licenses desk: the requests awaiting its payment confirmation
 * (newest first, `?cursor=` for earlier ones), each leading to its payment page, and the
 * certificates it issued (newest request first, `?certificates=` for earlier ones), each with its
 * revocation page. `?paid=` / `?revoked=` (a certificate
 * number) say what was just done.
 */
import * as z from '#domain/zod';
import { LICENSE_REQUEST_LABELS, PAYMENT_LABELS } from '#domain/license';
import { licensingDesk } from '#usecases/licensing-desk';
import { pagePaths } from '#usecases/page-paths';
import { quoteView } from '#usecases/quote-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import { licensingDeskBody } from '#templates/pages/licensing-desk';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

/** A certificate number in the notice: anything else is no notice. */
const NumberParam = z.droppedIfInvalid(z.string().check(z.regex(/^[A-Z]{2,5}-\d{4}-\d{1,10}$/)));
const Query = z.object({
  paid: NumberParam,
  revoked: NumberParam,
  cursor: z.droppedIfInvalid(z.string().check(z.maxLength(2000))),
  certificates: z.droppedIfInvalid(z.string().check(z.maxLength(2000))),
});

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', query: Query },
  async ({ principal, session, query }) => {
    const desk = await licensingDesk(principal, { awaiting: query.cursor, certificates: query.certificates });
    const notice = query.paid
      ? { kind: 'PAID' as const, subject: query.paid }
      : query.revoked
        ? { kind: 'REVOKED' as const, subject: query.revoked }
        : undefined;
    const body = licensingDeskBody({
      labels: { request: LICENSE_REQUEST_LABELS, payment: PAYMENT_LABELS },
      awaiting: desk.awaiting.map((l) => ({
        id: l.id,
        requestedAt: l.requestedAt,
        licensee: l.licensee,
        dataset: { title: l.dataset.title, version: l.dataset.version },
        quote: quoteView(l.quote!),
        action: workspacePaths.licensePayment(l.id),
      })),
      ...(desk.next ? { next: workspacePaths.licensing({ awaiting: desk.next }) } : {}),
      ...(desk.nextCertificates
        ? { nextCertificates: workspacePaths.licensing({ certificates: desk.nextCertificates }) }
        : {}),
      ...(query.cursor || query.certificates ? { first: workspacePaths.licensing() } : {}),
      certificates: desk.certificates.map(({ license: l, status, revocation }) => ({
        number: l.certificate.number,
        issuedAt: l.certificate.issuedAt,
        licensee: l.licensee,
        dataset: { title: l.dataset.title, version: l.dataset.version },
        status,
        verifyUrl: pagePaths.verify(l.certificate.number),
        ...(status === 'VALID' ? { revokeUrl: workspacePaths.revokeCertificate(l.certificate.number) } : {}),
        ...(revocation ? { revocation } : {}),
      })),
      ...(notice ? { notice } : {}),
    });
    return workspacePageResult(
      200,
      workspacePage(frameOf(session), { zh: '授權申請與證明書', en: 'Licenses' }, body, {
        current: workspacePaths.licensing(),
        styles: DESK_STYLES,
      }),
    );
  },
);
