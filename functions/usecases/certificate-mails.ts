/**
 * The licensee hears of their certificate: once issued (the PDF's link and the attribution
 * statement), and when its agency marks it (the status and what it means for the grant). These
 * mails follow the licensee's own confirmed request or the agency's act, each once per license,
 * so they do not count against the recipient's limit (which bounds mails anyone can cause). Both are
 * written in the language the licensee requested in (both languages when none was named).
 */
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import { mailer } from '#ports/adapters';
import { certificateRevokedMail, licenseCertificateMail } from '#templates/mail/license-mails';
import { attributionText, certificateLinks, verifyTokenOf } from './certificate-record.ts';
import { links } from './links.ts';

export async function mailCertificate(license: LicenseRecord, certificate: CertificateRecord): Promise<void> {
  const { claims } = certificate;
  await (
    await mailer()
  ).send({
    to: [license.licensee.email],
    ...licenseCertificateMail({
      number: certificate.number,
      datasetTitle: license.dataset.title,
      attribution: attributionText(claims),
      kind: claims.license.kind,
      pdfUrl: certificateLinks.pdf(certificate.number, verifyTokenOf(claims)),
      licenseUrl: links.license(license.id),
      ...(license.lang ? { lang: license.lang } : {}),
    }),
    idempotencyKey: `license-certificate-${license.id}`,
  });
}

/** `certificate` as marked (its status and revocation set). */
export async function mailRevocation(license: LicenseRecord, certificate: CertificateRecord): Promise<void> {
  const revocation = certificate.revocation!;
  await (
    await mailer()
  ).send({
    to: [license.licensee.email],
    ...certificateRevokedMail({
      number: certificate.number,
      datasetTitle: license.dataset.title,
      standing: {
        status: certificate.status,
        classification: certificate.claims.dataset.classification,
        reason: revocation.reason,
      },
      ...(revocation.note ? { note: revocation.note } : {}),
      at: revocation.at,
      licenseUrl: links.license(license.id),
      ...(license.lang ? { lang: license.lang } : {}),
    }),
    idempotencyKey: `certificate-marked-${certificate.number}`,
  });
}
