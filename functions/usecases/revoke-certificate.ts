/**
 * Revoke a certificate — which, for an OGDL grant, only marks its record:
 * 1. only the agency that provides the dataset (or an operator) may;
 * 2. a record is marked once: one already marked → 409;
 * 3. the reason decides the status; an OGDL grant cannot be withdrawn for breached conditions (422);
 * 4. the certificate is marked with the reason, the note, when and by whom — never deleted — by a
 *    write conditional on the revision read; then its license is marked REVOKED, so the licensee
 *    may ask for a new certificate;
 * 5. the licensee is mailed the new status and what it means for the grant.
 */
import { ConflictError } from '#domain/errors';
import { revocationStatus } from '#domain/license';
import type { RevokeInput } from '#domain/license';
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { updateWithRetry } from '#ports/update-with-retry';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { findCertificate } from './verify-certificate.ts';
import { mailRevocation } from './certificate-mails.ts';

export async function revokeCertificate(
  number: string,
  input: RevokeInput,
  principal: Principal | undefined,
): Promise<CertificateRecord> {
  const found = await findCertificate(number);
  const certificate = found.value;
  requireActingFor(principal, certificate.claims.dataset.agencyId);
  assertNotMarked(certificate);
  const status = revocationStatus(input.reason, certificate.claims.dataset.classification);

  const now = currentClock().now().toISOString();
  const actor = actorOf(principal);
  const marked: CertificateRecord = {
    ...certificate,
    status,
    revocation: { reason: input.reason, note: input.note, at: now, by: actor.id ?? actor.kind },
  };
  try {
    await licenseRepository.replaceCertificate(marked, found.revision);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const reread = await licenseRepository.getCertificate(number);
    if (reread) assertNotMarked(reread.value);
    throw error;
  }
  const license = await markLicenseRevoked(certificate.licenseId, now);
  if (license) await mailRevocation(license, marked);
  return marked;
}

function assertNotMarked(certificate: CertificateRecord): void {
  if (certificate.status === 'VALID') return;
  throw new ConflictError(
    'CERTIFICATE_ALREADY_REVOKED',
    `Certificate '${certificate.number}' was marked ${certificate.status} on ${certificate.revocation?.at ?? 'an earlier date'}.`,
  );
}

/**
 * The certificate is the record of truth; the license follows it, retrying a lost race once.
 * Answers the license as marked (undefined if it is gone).
 */
async function markLicenseRevoked(licenseId: string, at: string): Promise<LicenseRecord | undefined> {
  return updateWithRetry(2, async () => {
    const found = await licenseRepository.get(licenseId);
    if (!found || found.value.status === 'REVOKED') return found?.value;
    const revoked: LicenseRecord = { ...found.value, status: 'REVOKED', revokedAt: at };
    await licenseRepository.replace(revoked, found.revision);
    return revoked;
  });
}
