/**
 * The agency's licenses desk: its requests awaiting payment confirmation (newest first, a page at a
 * time) and the certificates it issued, those it revoked staying on the list marked with their status,
 * date and reason (from the certificate's record, which the revocation marks), and the one request
 * or certificate a page of the desk
 * works on, each only for the agency that provides the dataset. The desk's forms then call the
 * same use cases as the API (confirm-payment.ts, revoke-certificate.ts).
 */
import { ConflictError, NotFoundError } from '#domain/errors';
import type { CertificateStatus, RevocationReason } from '#domain/license';
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import type { Principal } from '#domain/principal';
import { licenseRepository } from '#ports/license-repository';
import { requireActingFor } from './access.ts';
import { ownAgencyOf } from './read-fee-proposals.ts';
import { findCertificate } from './verify-certificate.ts';

/** How many of each list the desk shows at once. */
export const DESK_PAGE = 50;

/** A certificate on the desk: its license, its status, and for a revoked one when and why. */
export interface DeskCertificate {
  license: LicenseRecord & { certificate: NonNullable<LicenseRecord['certificate']> };
  status: CertificateStatus;
  revocation?: { at: string; reason: RevocationReason };
}

export async function licensingDesk(principal: Principal | undefined, cursor?: string) {
  const agencyId = ownAgencyOf(principal);
  const [awaiting, issued, revoked] = await Promise.all([
    licenseRepository.listByAgency(agencyId, 'AWAITING_PAYMENT', { limit: DESK_PAGE, cursor }),
    licenseRepository.listByAgency(agencyId, 'ISSUED', { limit: DESK_PAGE }),
    licenseRepository.listByAgency(agencyId, 'REVOKED', { limit: DESK_PAGE }),
  ]);
  const withCertificate = (items: LicenseRecord[]) =>
    items.filter((l) => l.certificate) as DeskCertificate['license'][];
  // An issued license's certificate is unmarked: revoking it marks the license REVOKED, after the
  // certificate, whose record says the status the reason gave and the reason itself.
  const marked = await Promise.all(
    withCertificate(revoked.items).map(async (license): Promise<DeskCertificate> => {
      const record = (await licenseRepository.getCertificate(license.certificate.number))?.value;
      return {
        license,
        status: record && record.status !== 'VALID' ? record.status : 'REVOKED',
        ...(record?.revocation
          ? { revocation: { at: record.revocation.at, reason: record.revocation.reason } }
          : {}),
      };
    }),
  );
  const certificates = [
    ...withCertificate(issued.items).map((license): DeskCertificate => ({ license, status: 'VALID' })),
    ...marked,
  ].sort((a, b) => b.license.certificate.issuedAt.localeCompare(a.license.certificate.issuedAt));
  return {
    awaiting: awaiting.items.filter((l) => l.quote),
    next: awaiting.cursor,
    certificates,
  };
}

/** A request of the caller's agency that awaits its payment confirmation, for its payment page. */
export async function ownLicenseAwaitingPayment(
  id: string,
  principal: Principal | undefined,
): Promise<LicenseRecord & { quote: NonNullable<LicenseRecord['quote']> }> {
  const found = await licenseRepository.get(id);
  if (!found) throw new NotFoundError('License', id);
  const license = found.value;
  requireActingFor(principal, license.dataset.agencyId);
  if (license.status !== 'AWAITING_PAYMENT' || !license.quote)
    throw new ConflictError('LICENSE_NOT_AWAITING_PAYMENT', `License '${license.id}' awaits no payment.`);
  return { ...license, quote: license.quote };
}

/** A certificate the caller's agency issued, for its revocation page. */
export async function ownCertificate(
  number: string,
  principal: Principal | undefined,
): Promise<CertificateRecord> {
  const certificate = (await findCertificate(number)).value;
  requireActingFor(principal, certificate.claims.dataset.agencyId);
  return certificate;
}
