/**
 * Request a license, in two steps, so that no one binds a name to an address that is not theirs:
 * 1. the request: the dataset must exist and be provided at all (NOT_PROVIDED → 422, naming the
 *    legal reason); data on application is priced now: Σ the requested items × quantities under
 *    the schedule in force on today's date in Taiwan, less the reduction it declares for the stated
 *    purpose (no schedule in force: free; unknown items or quantities out of limits → 422 naming the
 *    field); open data takes no items. The request is stored AWAITING_EMAIL_CONFIRMATION and the
 *    address is mailed a link (within its recipient limit: 429 otherwise). The answer is the same
 *    whether or not the address already holds a license: it reveals nothing about one.
 * 2. the confirmation (the link's page, then its button): an unexpired request is confirmed once
 *    (a conditional write); one grant per licensee (by e-mail, case aside) and dataset version —
 *    when the licensee already holds a live one, the request points to it (ALREADY_HELD) and that
 *    license is answered: its valid certificate, its pending quote, or an interrupted issue,
 *    finished now; otherwise the request is claimed as the licensee's grant for this version (a
 *    conditional write, so two racing confirmations end with one). OPEN data: the certificate is
 *    issued at once. Data on application waits for the agency to confirm payment; with something
 *    to pay, the licensee is mailed the quote and how to pay (quote-mail.ts).
 */
import { ulid } from 'ulid';
import { ConflictError, GoneError, NotFoundError, RuleViolationError } from '#domain/errors';
import type { LicenseRequest } from '#domain/license';
import type { Lang } from '#domain/common';
import { freeQuote, quoteLicense } from '#domain/license-quote';
import type { DatasetSnapshot, LicenseQuote, LicenseRecord } from '#domain/license-records';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { licenseConfirmationRepository } from '#ports/license-confirmation-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { Versioned } from '#ports/versioned';
import { hashSecret, looksLikeSecret, newSecret } from '#ports/secrets';
import { mailer } from '#ports/adapters';
import { licenseConfirmationMail } from '#templates/mail/license-mails';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import { issueCertificate } from './issue-certificate.ts';
import type { Issued } from './issue-certificate.ts';
import { taipeiDate } from '#domain/taipei-time';
import { links } from './links.ts';
import { hasQuoteToMail, mailQuote } from './quote-mail.ts';
import { admitMailTo } from './rate-limits.ts';
import { PURPOSE_LABELS } from '#templates/labels';

export type LicenseOutcome =
  (Issued & { reused: boolean }) | { license: LicenseRecord; certificate?: undefined; reused: boolean };

/** How long a confirmation link can be used; an unconfirmed request lapses after it. */
const CONFIRMATION_VALID_MS = 3 * 86_400_000;

export async function requestLicense(input: LicenseRequest, lang?: Lang): Promise<LicenseRecord> {
  const dataset = await providedDataset(input.datasetId);
  const now = currentClock().now();
  const requestedAt = now.toISOString();
  const requestDate = taipeiDate(requestedAt);
  const snapshot = await snapshotOf(dataset);
  const quote =
    dataset.classification === 'ON_APPLICATION' ? priceOf(dataset, input, requestDate) : openData(input);
  await admitMailTo(input.licensee.email);
  const expiresAt = new Date(now.getTime() + CONFIRMATION_VALID_MS).toISOString();
  const license: LicenseRecord = {
    id: `lic-${ulid().toLowerCase()}`,
    status: 'AWAITING_EMAIL_CONFIRMATION',
    requestedAt,
    requestDate,
    licensee: input.licensee,
    ...(lang ? { lang } : {}),
    purpose: input.purpose,
    dataset: snapshot,
    ...(quote ? { quote } : {}),
    confirmation: { expiresAt },
  };
  await licenseRepository.create(license);
  const { secret, hash } = newSecret();
  await licenseConfirmationRepository.create(hash, { licenseId: license.id, expiresAt });
  await (
    await mailer()
  ).send({
    to: [input.licensee.email],
    ...licenseConfirmationMail({
      datasetTitle: snapshot.title,
      licensee: {
        name: input.licensee.name,
        ...(input.licensee.organization ? { organization: input.licensee.organization } : {}),
      },
      purpose: input.purpose,
      confirmUrl: links.licenseConfirmation(secret),
      expiresAt,
      ...(lang ? { lang } : {}),
    }),
    idempotencyKey: `license-confirmation-${license.id}`,
  });
  return license;
}

/** The request a confirmation link opens (404 unknown), and whether it can still be confirmed. */
export async function lookUpLicenseConfirmation(secret: string) {
  const found = looksLikeSecret(secret)
    ? await licenseConfirmationRepository.get(hashSecret(secret))
    : undefined;
  const license = found && (await licenseRepository.get(found.licenseId));
  if (!found || !license) throw new NotFoundError('Confirmation link', 'given', 'CONFIRMATION_NOT_FOUND');
  const pending = license.value.status === 'AWAITING_EMAIL_CONFIRMATION';
  const expired = pending && currentClock().now().getTime() >= Date.parse(found.expiresAt);
  return { license, pending, expired };
}

/** Confirms the request a link opens; a second confirmation answers the outcome of the first. */
export async function confirmLicense(secret: string): Promise<LicenseOutcome> {
  const { license, pending, expired } = await lookUpLicenseConfirmation(secret);
  if (expired)
    throw new GoneError(
      'CONFIRMATION_EXPIRED',
      'This confirmation link has expired; request the license again.',
    );
  if (!pending) return outcomeOf(license);
  const request = license.value;
  const holder = await licenseRepository.getHolder(request);
  const existing = holder && (await licenseRepository.get(holder.value.licenseId));
  const live = existing && (await liveGrant(existing, request));
  if (live) {
    await licenseRepository.replace(
      { ...request, status: 'ALREADY_HELD', heldBy: live.license.id, confirmation: confirmedNow(request) },
      license.revision,
    );
    return live;
  }
  const confirmed: LicenseRecord = {
    ...request,
    status: request.quote ? 'AWAITING_PAYMENT' : 'ISSUING',
    confirmation: confirmedNow(request),
  };
  // The quote mail counts against the licensee's mail limit: past it, nothing is confirmed yet.
  if (hasQuoteToMail(confirmed)) await admitMailTo(confirmed.licensee.email);
  const revision = await licenseRepository.replace(confirmed, license.revision);
  try {
    await licenseRepository.claimHolder(confirmed, holder?.revision);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another request of this licensee for this version was confirmed at the same moment and holds
    // the grant: this one points to it.
    const winner = await licenseRepository.getHolder(request);
    const held = winner && (await licenseRepository.get(winner.value.licenseId));
    if (!held) throw error;
    await licenseRepository.replace(
      { ...confirmed, status: 'ALREADY_HELD', heldBy: held.value.id },
      revision,
    );
    return outcomeOf(held);
  }
  if (confirmed.status === 'AWAITING_PAYMENT') {
    if (hasQuoteToMail(confirmed)) await mailQuote(confirmed);
    return { license: confirmed, reused: false };
  }
  return { ...(await issueCertificate({ value: confirmed, revision })), reused: false };
}

const confirmedNow = (request: LicenseRecord) => ({
  expiresAt: request.confirmation!.expiresAt,
  confirmedAt: currentClock().now().toISOString(),
});

/** What a confirmed request led to (for a repeated confirmation). */
async function outcomeOf(license: Versioned<LicenseRecord>): Promise<LicenseOutcome> {
  const target =
    license.value.status === 'ALREADY_HELD' && license.value.heldBy
      ? ((await licenseRepository.get(license.value.heldBy)) ?? license)
      : license;
  // A confirmation cut short between its two writes left the grant unclaimed: claim it now.
  if (target === license && !(await licenseRepository.getHolder(license.value)))
    await licenseRepository.claimHolder(license.value, undefined);
  if (target.value.status === 'ISSUING') return { ...(await issueCertificate(target)), reused: true };
  const number = target.value.certificate?.number;
  const certificate = number ? (await licenseRepository.getCertificate(number))?.value : undefined;
  return certificate
    ? { license: target.value, certificate, reused: true }
    : { license: target.value, reused: true };
}

async function providedDataset(
  id: string,
): Promise<StoredDataset & { classification: 'OPEN' | 'ON_APPLICATION' }> {
  const found = await datasetRepository.get(id);
  if (!found) throw new NotFoundError('Dataset', id);
  const dataset = found.value as StoredDataset;
  if (dataset.classification === 'NOT_PROVIDED') {
    throw new RuleViolationError(
      'DATASET_NOT_PROVIDED',
      `Dataset '${id}' is not provided, so no license can be requested for it` +
        (dataset.notProvidedReason ? ` (${dataset.notProvidedReason}).` : '.'),
      [{ path: 'datasetId', message: 'This dataset is withheld.', rule: 'DATASET_NOT_PROVIDED' }],
    );
  }
  return dataset as StoredDataset & { classification: 'OPEN' | 'ON_APPLICATION' };
}

/** Open data is free: a request naming fee items is refused rather than silently ignored. */
function openData(input: LicenseRequest): undefined {
  if (input.items.length === 0) return undefined;
  throw new RuleViolationError(
    'OPEN_DATA_IS_FREE',
    'Open data is licensed free of charge under the OGDL; there are no fee items to choose.',
    [{ path: 'items', message: 'Leave out: open data is free.', rule: 'OPEN_DATA_IS_FREE' }],
  );
}

async function snapshotOf(
  dataset: StoredDataset & { classification: 'OPEN' | 'ON_APPLICATION' },
): Promise<DatasetSnapshot> {
  const agency = await agencyRepository.get(dataset.agencyId);
  if (!agency)
    throw new Error(`Dataset '${dataset.id}' names agency '${dataset.agencyId}', which is not registered.`);
  return {
    id: dataset.id,
    agencyId: dataset.agencyId,
    agencyName: agency.name,
    title: dataset.title,
    version: dataset.version,
    classification: dataset.classification,
    ...(dataset.distributionSha256 ? { distributionSha256: dataset.distributionSha256 } : {}),
    ...(dataset.releaseYear ? { releaseYear: dataset.releaseYear } : {}),
    ...(dataset.conditionsOfUse ? { conditionsOfUse: dataset.conditionsOfUse } : {}),
  };
}

/**
 * The quote under the schedule in force on the request date, for the items asked for. With no
 * schedule in force the data is free: the quote is empty and no items may be asked for.
 */
function priceOf(dataset: StoredDataset, input: LicenseRequest, requestDate: string): LicenseQuote {
  const { inForce } = schedulesOf(dataset, requestDate);
  if (!inForce) {
    if (input.items.length > 0) {
      throw new RuleViolationError(
        'NO_FEE_SCHEDULE_IN_FORCE',
        `No fee schedule is in force for dataset '${dataset.id}' on ${requestDate}: it is provided free, with no fee items to choose.`,
        [{ path: 'items', message: 'Leave out: nothing is charged.', rule: 'NO_FEE_SCHEDULE_IN_FORCE' }],
      );
    }
    return freeQuote(input.purpose, requestDate);
  }
  const quote = quoteLicense({ schedule: inForce, requestDate, purpose: input.purpose, items: input.items });
  return {
    ...quote,
    schedule: {
      proposalId: inForce.proposalId,
      title: inForce.title,
      effectiveFrom: inForce.effectiveFrom,
      legalBasis: inForce.legalBasis,
      ...(inForce.explanationUrl ? { explanationUrl: inForce.explanationUrl } : {}),
      ...(inForce.payment ? { payment: inForce.payment } : {}),
    },
  };
}

/**
 * The answer for a licensee who already holds `existing`, or undefined when it is no longer live
 * (its certificate was revoked, superseded or marked for a withdrawn dataset) and a new license
 * may take its place.
 */
async function liveGrant(
  existing: Versioned<LicenseRecord>,
  input: Pick<LicenseRecord, 'purpose' | 'quote'>,
): Promise<LicenseOutcome | undefined> {
  const license = existing.value;
  switch (license.status) {
    case 'REVOKED':
    case 'AWAITING_EMAIL_CONFIRMATION':
    case 'ALREADY_HELD':
      return undefined;
    case 'AWAITING_PAYMENT':
      if (license.purpose !== input.purpose) {
        const was = PURPOSE_LABELS[license.purpose].en.toLowerCase();
        throw new ConflictError(
          'LICENSE_AWAITING_PAYMENT',
          `License '${license.id}' of this licensee for this dataset version, for ${was}, is awaiting payment; ` +
            'one licensee holds one grant per dataset version.',
        );
      }
      if (!sameLines(license.quote, input.quote)) {
        const earlier = license.quote!.lines.map((l) => `${l.itemId} × ${l.quantity}`).join(', ');
        throw new RuleViolationError(
          'LICENSE_AWAITING_PAYMENT_FOR_OTHER_ITEMS',
          `License '${license.id}' of this licensee for this dataset version, for ${earlier || 'no fee items'}, ` +
            'is awaiting payment; one licensee holds one grant per dataset version, so this request for other ' +
            'items is not quoted. Pay the earlier quote, or ask the providing agency.',
          [
            {
              path: 'items',
              rule: 'LICENSE_AWAITING_PAYMENT_FOR_OTHER_ITEMS',
              message: `An earlier request, for ${earlier || 'no fee items'}, awaits payment.`,
            },
          ],
        );
      }
      return { license, reused: true };
    case 'ISSUING':
      return { ...(await issueCertificate(existing)), reused: true };
    case 'ISSUED': {
      const certificate = (await licenseRepository.getCertificate(license.certificate!.number))?.value;
      if (!certificate) return { ...(await issueCertificate(existing)), reused: true };
      return certificate.status === 'VALID' ? { license, certificate, reused: true } : undefined;
    }
  }
}

/** Whether two quotes are for the same items in the same quantities (in any order). */
function sameLines(a: LicenseRecord['quote'], b: LicenseRecord['quote']): boolean {
  const key = (quote: LicenseRecord['quote']) =>
    (quote?.lines ?? [])
      .map((l) => `${l.itemId}\u0000${l.quantity}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}
