/**
 * What the page of a license shows, by its id (a capability: only the requester was given it):
 * the certificate to download with its attribution statement once issued, the quote and what
 * happens next while payment is awaited. Never the licensee's e-mail.
 */
import { NotFoundError } from '#domain/errors';
import { licenseRepository } from '#ports/license-repository';
import type { LicenseIssuedPageView, LicenseQuotedPageView } from '#templates/pages/license';
import type { LicensePendingView } from '#templates/pages/license-confirmation';
import { currentClock } from '#ports/clock';
import { attributionText, certificateLinks, verifyTokenOf } from './certificate-record.ts';
import { quoteView } from './quote-view.ts';
import { pagePaths } from './page-paths.ts';

export type LicensePageView =
  | { kind: 'ISSUED'; view: Omit<LicenseIssuedPageView, 'reused'> }
  | { kind: 'QUOTED'; view: Omit<LicenseQuotedPageView, 'reused'> }
  | { kind: 'AWAITING_EMAIL_CONFIRMATION'; view: LicensePendingView }
  /** Confirmed by a licensee who held a grant already: their license is that one. */
  | { kind: 'ALREADY_HELD'; heldBy: string };

export async function licensePageView(licenseId: string): Promise<LicensePageView> {
  const license = (await licenseRepository.get(licenseId))?.value;
  if (!license) throw new NotFoundError('License', licenseId);
  const dataset = {
    title: license.dataset.title,
    version: license.dataset.version,
    agencyName: license.dataset.agencyName,
  };
  if (license.status === 'ALREADY_HELD' && license.heldBy)
    return { kind: 'ALREADY_HELD', heldBy: license.heldBy };
  if (license.status === 'AWAITING_EMAIL_CONFIRMATION') {
    const expiresAt = license.confirmation!.expiresAt;
    return {
      kind: 'AWAITING_EMAIL_CONFIRMATION',
      view: { dataset, expiresAt, expired: currentClock().now().getTime() >= Date.parse(expiresAt) },
    };
  }
  const number = license.certificate?.number;
  const certificate = number ? (await licenseRepository.getCertificate(number))?.value : undefined;
  if (certificate) {
    const { claims } = certificate;
    return {
      kind: 'ISSUED',
      view: {
        number: certificate.number,
        pdfUrl: certificateLinks.pdf(certificate.number, verifyTokenOf(claims)),
        verifyUrl: claims.verifyUrl,
        issuedAt: claims.issuedAt,
        licensee: claims.licensee,
        dataset,
        attribution: attributionText(claims),
        kind: claims.license.kind,
        standing: {
          status: certificate.status,
          classification: claims.dataset.classification,
          ...(certificate.revocation ? { reason: certificate.revocation.reason } : {}),
        },
        ...(certificate.revocation ? { markedAt: certificate.revocation.at } : {}),
        myLicensesAction: pagePaths.myLicensesAction(),
      },
    };
  }
  if (!license.quote) throw new NotFoundError('License', licenseId);
  return {
    kind: 'QUOTED',
    view: {
      licenseId: license.id,
      requestedAt: license.requestedAt,
      dataset,
      quote: quoteView(license.quote),
      myLicensesAction: pagePaths.myLicensesAction(),
    },
  };
}
