/**
 * Issue the certificate of a license with nothing left to pay (status ISSUING):
 * 1. fix its number and issue time on the license, once: the next number of the year (Taiwan
 *    time) from the conditional counter;
 * 2. build the record: licensee, the pinned dataset version, OGDL with its version and URL, the
 *    grant, the three-part attribution, the fee details of a paid grant, the verify URL;
 * 3. render the PDF (on AWS in the render function: certificate-renderer.ts), store it and take
 *    its SHA-256;
 * 4. sign the record together with that SHA-256 (ES256 compact JWS);
 * 5. store the certificate, created once: a second issuer of the same license finds it there;
 * 6. mail the licensee the PDF's link and the attribution statement (certificate-mails.ts);
 * 7. mark the license ISSUED.
 * Every step may run again after an interruption and reaches the same certificate: the record is
 * built only from what step 1 fixed, and the renderer gives the same bytes for the same record.
 * The mail goes before the license is marked, so an issue cut short between them mails when it
 * runs again (the outbox keeps it to one mail; on AWS a rare repeat beats a lost certificate).
 */
import { newSecret } from '#ports/secrets';
import { ConflictError } from '#domain/errors';
import { formatCertificateNumber } from '#domain/license';
import type { CertificateClaims, CertificateRecord, LicenseRecord } from '#domain/license-records';
import { blobStore, certificateRenderer, count, signer } from '#ports/adapters';
import { BUSINESS_COUNTS } from '#ports/metrics';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import type { Versioned } from '#ports/versioned';
import { certificateContent, certificatePdfKey, certificateView, sha256Hex } from './certificate-record.ts';
import { taipeiYear } from '#domain/taipei-time';
import { mailCertificate } from './certificate-mails.ts';

export interface Issued {
  license: LicenseRecord;
  certificate: CertificateRecord;
}

export async function issueCertificate(start: Versioned<LicenseRecord>): Promise<Issued> {
  let current = await fixNumber(start);
  const number = current.value.certificate!.number;

  const certificate = (await licenseRepository.getCertificate(number))?.value ?? (await mint(current.value));

  if (current.value.status === 'ISSUING') {
    await mailCertificate(current.value, certificate);
    current = await markIssued(current);
  }
  return { license: current.value, certificate };
}

async function fixNumber(found: Versioned<LicenseRecord>): Promise<Versioned<LicenseRecord>> {
  if (found.value.certificate) return found;
  const issuedAt = currentClock().now().toISOString();
  const year = taipeiYear(issuedAt);
  const sequence = await licenseRepository.nextCertificateSequence(found.value.dataset.classification, year);
  const numbered: LicenseRecord = {
    ...found.value,
    certificate: {
      number: formatCertificateNumber(found.value.dataset.classification, year, sequence),
      issuedAt,
      // Numbers run in sequence: the token, not the number, opens the licensee's details.
      verifyToken: newSecret().secret,
    },
  };
  try {
    return { value: numbered, revision: await licenseRepository.replace(numbered, found.revision) };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another request issuing the same license numbered it first; its number stands (ours is skipped).
    const reread = await licenseRepository.get(found.value.id);
    if (!reread?.value.certificate) throw error;
    return reread;
  }
}

async function mint(license: LicenseRecord): Promise<CertificateRecord> {
  const content = certificateContent(license);
  const pdf = await (await certificateRenderer()).render(certificateView(content));
  const pdfKey = certificatePdfKey(taipeiYear(content.issuedAt), content.number);
  await (await blobStore()).put(pdfKey, pdf, 'application/pdf');

  const claims: CertificateClaims = { ...content, pdfSha256: sha256Hex(pdf) };
  const jws = await (await signer()).sign(claims as unknown as Record<string, unknown>);
  const certificate: CertificateRecord = {
    number: content.number,
    licenseId: license.id,
    status: 'VALID',
    claims,
    jws,
    pdfKey,
  };
  try {
    await licenseRepository.createCertificate(certificate);
    await count(BUSINESS_COUNTS.certificateIssued);
    return certificate;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const stored = await licenseRepository.getCertificate(content.number);
    if (!stored) throw error;
    return stored.value;
  }
}

async function markIssued(current: Versioned<LicenseRecord>): Promise<Versioned<LicenseRecord>> {
  const issued: LicenseRecord = { ...current.value, status: 'ISSUED' };
  try {
    return { value: issued, revision: await licenseRepository.replace(issued, current.revision) };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Whoever changed it in between either issued it too or revoked it already: both stand.
    const reread = await licenseRepository.get(current.value.id);
    if (!reread || reread.value.status === 'ISSUING') throw error;
    return reread;
  }
}
