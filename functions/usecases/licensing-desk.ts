/**
 * The agency's licenses desk: its requests awaiting payment confirmation (newest first, a page at a
 * time) and the certificates it issued (newest request first, a page at a time), those it revoked
 * staying on the list marked with their status, date and reason (from the certificate's record,
 * which the revocation marks), and the one request
 * or certificate a page of the desk
 * works on, each only for the agency that provides the dataset. The desk's forms then call the
 * same use cases as the API (confirm-payment.ts, revoke-certificate.ts).
 */
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors';
import type { CertificateStatus, RevocationReason } from '#domain/license';
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import type { Principal } from '#domain/principal';
import { licenseListPosition, licenseRepository } from '#ports/license-repository';
import { requireActingFor } from './access.ts';
import { ownAgencyOf } from './read-fee-proposals.ts';
import { cursorOf, mergedPage, placesOf, type Places } from './merged-page.ts';
import { findCertificate } from './verify-certificate.ts';

/** How many of each list the desk shows at once. */
export const DESK_PAGE = 50;

/** A certificate on the desk: its license, its status, and for a revoked one when and why. */
export interface DeskCertificate {
  license: LicenseRecord & { certificate: NonNullable<LicenseRecord['certificate']> };
  status: CertificateStatus;
  revocation?: { at: string; reason: RevocationReason };
}

/** Where each page of the desk starts: `awaiting` and `certificates` are the cursors its links carry. */
export interface DeskPages {
  awaiting?: string;
  certificates?: string;
}

export async function licensingDesk(
  principal: Principal | undefined,
  pages: DeskPages = {},
  size = DESK_PAGE,
) {
  const agencyId = ownAgencyOf(principal);
  const [awaiting, issued] = await Promise.all([
    awaitingPage(agencyId, pages.awaiting, size),
    certificatesPage(agencyId, pages.certificates, size),
  ]);
  return {
    awaiting: awaiting.requests,
    next: awaiting.cursor,
    certificates: issued.certificates,
    nextCertificates: issued.cursor,
  };
}

const AWAITING_LISTS = ['AWAITING_PAYMENT'] as const;

/**
 * One page of the requests awaiting payment, newest first. Read as the certificates are (one list
 * through merged-page.ts), so the page has a next one only when a request follows it: a Query that
 * stops at its Limit says it may hold more even when exactly a page's worth was there.
 */
async function awaitingPage(
  agencyId: string,
  cursor: string | undefined,
  size: number,
): Promise<{ requests: LicenseRecord[]; cursor?: string }> {
  const page = await mergedPage({
    places: cursor ? readPlaces(cursor, AWAITING_LISTS, 'cursor') : { AWAITING_PAYMENT: '' },
    read: agencyList(agencyId, size),
    positionOf: licenseListPosition,
    size,
    keep: (license) => license.quote !== undefined,
  });
  const requests = page.items.map(({ item }) => item);
  return page.next ? { requests, cursor: cursorOf(page.next) } : { requests };
}

/** The two lists a certificate can be on: issued and unmarked, or marked (revoked, superseded…). */
const CERTIFICATE_LISTS = ['ISSUED', 'REVOKED'] as const;

/**
 * One page of the agency's certificates, newest request first: the issued and the marked lists are
 * each one Query, merged as the archive merges its statuses (merged-page.ts).
 */
async function certificatesPage(
  agencyId: string,
  cursor: string | undefined,
  size: number,
): Promise<{ certificates: DeskCertificate[]; cursor?: string }> {
  const page = await mergedPage({
    places: cursor ? readPlaces(cursor, CERTIFICATE_LISTS, 'certificates') : { ISSUED: '', REVOKED: '' },
    read: agencyList(agencyId, size),
    positionOf: licenseListPosition,
    size,
    keep: (license) => license.certificate !== undefined,
  });
  const certificates = await Promise.all(
    page.items.map(({ list, item }) =>
      deskCertificate(item as DeskCertificate['license'], list === 'REVOKED'),
    ),
  );
  return page.next ? { certificates, cursor: cursorOf(page.next) } : { certificates };
}

// An issued license's certificate is unmarked: revoking it marks the license REVOKED, after the
// certificate, whose record says the status the reason gave and the reason itself.
async function deskCertificate(
  license: DeskCertificate['license'],
  marked: boolean,
): Promise<DeskCertificate> {
  if (!marked) return { license, status: 'VALID' };
  const record = (await licenseRepository.getCertificate(license.certificate.number))?.value;
  return {
    license,
    status: record && record.status !== 'VALID' ? record.status : 'REVOKED',
    ...(record?.revocation
      ? { revocation: { at: record.revocation.at, reason: record.revocation.reason } }
      : {}),
  };
}

/** How both desk lists read one of the agency's license lists from a place on it. */
function agencyList(agencyId: string, size: number) {
  return (list: string, after: string | undefined) =>
    licenseRepository.listByAgencyAfter(agencyId, list, { limit: size, ...(after ? { after } : {}) });
}

/** The places a page's link carries; `path` names its query parameter in the refusal. */
function readPlaces<L extends string>(cursor: string, lists: readonly L[], path: string): Places<L> {
  const places = placesOf(cursor, lists);
  if (!places)
    throw new ValidationError('The cursor is not one this service issued.', [
      { path, message: 'Use the link of the previous page, unchanged.' },
    ]);
  return places;
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
