/**
 * Verify a certificate, as anyone can without an account:
 * 1. find it by number (a text that is not a certificate number is simply unknown: 404);
 * 2. check the stored JWS against the keys this service publishes, and that the claims it signs
 *    are exactly the stored record: a forged or altered token, or an altered record, fails;
 * 3. when a copy's SHA-256 is given, say whether it is the issued PDF's;
 * 4. report the status, with the revocation (reason, note, when) for a marked record;
 * 5. the licensee, the payment, the PDF's hash and link and the signed token only to whoever shows
 *    the certificate's token (from its QR or PDF link) or the SHA-256 of its PDF: the number alone
 *    (they run in sequence) opens no register of who holds licenses.
 */
import { timingSafeEqual } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '#domain/errors';
import { parseCertificateNumber } from '#domain/license';
import type { CertificateRecord } from '#domain/license-records';
import { signer } from '#ports/adapters';
import { verifyCertificateJws } from '#ports/jws';
import { licenseRepository } from '#ports/license-repository';
import type { Versioned } from '#ports/versioned';
import { certificateLinks, verifyTokenOf } from './certificate-record.ts';

/** The stored certificate; 404 for an unknown number or a text that is not one. */
export async function findCertificate(number: string): Promise<Versioned<CertificateRecord>> {
  const found = parseCertificateNumber(number) && (await licenseRepository.getCertificate(number));
  if (!found) throw new NotFoundError('Certificate', number);
  return found;
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether the caller holds the certificate: its link's token, or the SHA-256 of its PDF. */
export function holdsCertificate(
  certificate: CertificateRecord,
  shown: { token?: string; sha256?: string },
): boolean {
  const token = verifyTokenOf(certificate.claims);
  return (
    (token !== undefined && shown.token !== undefined && sameText(shown.token, token)) ||
    (shown.sha256 !== undefined && sameText(shown.sha256.toLowerCase(), certificate.claims.pdfSha256))
  );
}

export async function verifyCertificate(number: string, shown: { sha256?: string; token?: string } = {}) {
  const certificate = (await findCertificate(number)).value;
  const { claims } = certificate;
  const copySha256 = shown.sha256;
  const holder = holdsCertificate(certificate, shown);
  const checked = await verifyCertificateJws(certificate.jws, await (await signer()).publicJwks());
  const signatureValid = checked.valid && isDeepStrictEqual(checked.claims, claims);
  const signatureProblem = signatureValid
    ? undefined
    : (checked.reason ?? 'The signed record differs from the stored record.');
  const revocation = certificate.revocation
    ? {
        revocation: {
          reason: certificate.revocation.reason,
          note: certificate.revocation.note,
          at: certificate.revocation.at,
        },
      }
    : {};
  const common = {
    number: certificate.number,
    status: certificate.status,
    ...(copySha256 !== undefined ? { sha256Matches: copySha256.toLowerCase() === claims.pdfSha256 } : {}),
    dataset: claims.dataset,
    license: claims.license,
    grantSummary: claims.grantSummary,
    issuedAt: claims.issuedAt,
    signatureValid,
    ...(signatureProblem ? { signatureProblem } : {}),
    ...revocation,
    jwksUrl: claims.jwksUrl,
  };
  if (!holder) return { ...common, licenseeShown: false as const };
  return {
    ...common,
    licenseeShown: true as const,
    sha256: claims.pdfSha256,
    licensee: claims.licensee,
    attribution: claims.attribution,
    ...(claims.paid ? { paid: claims.paid } : {}),
    jws: certificate.jws,
    pdfUrl: certificateLinks.pdf(certificate.number, verifyTokenOf(claims)),
    verifyUrl: claims.verifyUrl,
  };
}

export type CertificateVerification = Awaited<ReturnType<typeof verifyCertificate>>;
