/** What the API answers about a license and its certificate. The licensee's e-mail is not echoed. */
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import { certificateLinks, verifyTokenOf } from './certificate-record.ts';

export function certificateSummary(certificate: CertificateRecord) {
  return {
    number: certificate.number,
    status: certificate.status,
    pdfUrl: certificateLinks.pdf(certificate.number, verifyTokenOf(certificate.claims)),
    verifyUrl: certificate.claims.verifyUrl,
    sha256: certificate.claims.pdfSha256,
    issuedAt: certificate.claims.issuedAt,
  };
}

export function licenseView(
  license: LicenseRecord,
  certificate: CertificateRecord | undefined,
  reused = false,
) {
  return {
    id: license.id,
    status: license.status,
    datasetId: license.dataset.id,
    datasetVersion: license.dataset.version,
    purpose: license.purpose,
    requestedAt: license.requestedAt,
    ...(license.quote ? { quote: license.quote } : {}),
    ...(certificate ? { certificate: certificateSummary(certificate) } : {}),
    ...(reused ? { reused: true } : {}),
  };
}

/**
 * A license request as its providing agency sees it on its desk: who asked (name, organisation and
 * the address to write to about the payment), for what, and the quote to check a payment against.
 */
export function agencyLicenseView(license: LicenseRecord) {
  return {
    ...licenseView(license, undefined),
    datasetTitle: license.dataset.title,
    licensee: license.licensee,
    ...(license.payment ? { payment: license.payment } : {}),
    ...(license.certificate ? { certificateNumber: license.certificate.number } : {}),
    ...(license.revokedAt ? { revokedAt: license.revokedAt } : {}),
  };
}
