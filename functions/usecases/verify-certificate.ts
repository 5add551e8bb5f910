/**
 * Verify a certificate, as anyone can without an account:
 * 1. find it by number (a text that is not a certificate number is simply unknown: 404);
 * 2. check the stored JWS against the keys this service publishes, and that the claims it signs
 *    are exactly the stored record: a forged or altered token, or an altered record, fails;
 * 3. when a copy's SHA-256 is given, say whether it is the issued PDF's;
 * 4. report the status, with the revocation (reason, note, when) for a marked record.
 */
import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '#domain/errors';
import { parseCertificateNumber } from '#domain/license';
import type { CertificateRecord } from '#domain/license-records';
import { signer } from '#ports/adapters';
import { verifyCertificateJws } from '#ports/jws';
import { licenseRepository } from '#ports/license-repository';
import type { Versioned } from '#ports/registry-repository';
import { certificateLinks } from './certificate-record.ts';

/** The stored certificate; 404 for an unknown number or a text that is not one. */
export async function findCertificate(number: string): Promise<Versioned<CertificateRecord>> {
  const found = parseCertificateNumber(number) && (await licenseRepository.getCertificate(number));
  if (!found) throw new NotFoundError('Certificate', number);
  return found;
}

export async function verifyCertificate(number: string, copySha256?: string) {
  const certificate = (await findCertificate(number)).value;
  const { claims } = certificate;
  const checked = await verifyCertificateJws(certificate.jws, await (await signer()).publicJwks());
  const signatureValid = checked.valid && isDeepStrictEqual(checked.claims, claims);
  const signatureProblem = signatureValid
    ? undefined
    : (checked.reason ?? 'The signed record differs from the stored record.');
  return {
    number: certificate.number,
    status: certificate.status,
    sha256: claims.pdfSha256,
    ...(copySha256 !== undefined ? { sha256Matches: copySha256.toLowerCase() === claims.pdfSha256 } : {}),
    licensee: claims.licensee,
    dataset: claims.dataset,
    license: claims.license,
    grantSummary: claims.grantSummary,
    attribution: claims.attribution,
    ...(claims.paid ? { paid: claims.paid } : {}),
    issuedAt: claims.issuedAt,
    signatureValid,
    ...(signatureProblem ? { signatureProblem } : {}),
    jws: certificate.jws,
    ...(certificate.revocation
      ? {
          revocation: {
            reason: certificate.revocation.reason,
            note: certificate.revocation.note,
            at: certificate.revocation.at,
          },
        }
      : {}),
    pdfUrl: certificateLinks.pdf(certificate.number),
    verifyUrl: claims.verifyUrl,
    jwksUrl: claims.jwksUrl,
  };
}

export type CertificateVerification = Awaited<ReturnType<typeof verifyCertificate>>;
