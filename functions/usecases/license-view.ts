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
