/**
 * The agency's licenses desk: its requests awaiting payment confirmation and the certificates it
 * issued (newest first, a page at a time), and the one request or certificate a page of the desk
 * works on, each only for the agency that provides the dataset. The desk's forms then call the
 * same use cases as the API (confirm-payment.ts, revoke-certificate.ts).
 */
import { ConflictError, NotFoundError } from '#domain/errors';
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import type { Principal } from '#domain/principal';
import { licenseRepository } from '#ports/license-repository';
import { requireActingFor } from './access.ts';
import { ownAgencyOf } from './read-fee-proposals.ts';
import { findCertificate } from './verify-certificate.ts';

/** How many of each list the desk shows at once. */
export const DESK_PAGE = 50;

export async function licensingDesk(principal: Principal | undefined, cursor?: string) {
  const agencyId = ownAgencyOf(principal);
  const [awaiting, issued] = await Promise.all([
    licenseRepository.listByAgency(agencyId, 'AWAITING_PAYMENT', { limit: DESK_PAGE, cursor }),
    licenseRepository.listByAgency(agencyId, 'ISSUED', { limit: DESK_PAGE }),
  ]);
  return {
    awaiting: awaiting.items.filter((l) => l.quote),
    next: awaiting.cursor,
    issued: issued.items.filter((l) => l.certificate),
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
