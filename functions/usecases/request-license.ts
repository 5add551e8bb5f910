/**
 * Request a license:
 * 1. the dataset must exist and be provided at all (NOT_PROVIDED → 422, naming the legal reason);
 * 2. data on application is priced now: Σ the requested items × quantities under the schedule in
 *    force on today's date in Taiwan, less the reduction it declares for the stated purpose (no
 *    schedule in force: free; unknown items or quantities out of limits → 422 naming the field);
 *    open data takes no items;
 * 3. one grant per licensee (by e-mail, case aside) and dataset version: when the licensee already
 *    holds a live one, that license is answered again instead of a new one — its valid
 *    certificate, its pending quote (same purpose only), or an interrupted issue, finished now;
 * 4. otherwise a new license is stored and then claimed as the licensee's grant for this version
 *    (a conditional write, so two racing requests end with one; the loser's license is removed);
 * 5. OPEN data: the certificate is issued at once. Data on application waits for the agency to
 *    confirm payment.
 */
import { ulid } from 'ulid';
import { ConflictError, NotFoundError, RuleViolationError } from '#domain/errors';
import type { LicenseRequest } from '#domain/license';
import { freeQuote, quoteLicense } from '#domain/license-quote';
import type { DatasetSnapshot, LicenseQuote, LicenseRecord } from '#domain/license-records';
import { currentClock } from '#ports/clock';
import { licenseRepository } from '#ports/license-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import type { Versioned } from '#ports/registry-repository';
import { schedulesOf, type StoredDataset } from './dataset-view.ts';
import { issueCertificate } from './issue-certificate.ts';
import type { Issued } from './issue-certificate.ts';
import { taipeiDate } from './certificate-record.ts';
import { PURPOSE_LABELS } from '#templates/vote-labels';

export type LicenseOutcome =
  (Issued & { reused: boolean }) | { license: LicenseRecord; certificate?: undefined; reused: boolean };

/** Two racing requests settle in one round; more rounds only under a pile-up. */
const CLAIM_ATTEMPTS = 3;

export async function requestLicense(input: LicenseRequest): Promise<LicenseOutcome> {
  const dataset = await providedDataset(input.datasetId);
  const requestedAt = currentClock().now().toISOString();
  const requestDate = taipeiDate(requestedAt);
  const snapshot = await snapshotOf(dataset);
  const quote =
    dataset.classification === 'ON_APPLICATION' ? priceOf(dataset, input, requestDate) : openData(input);

  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const holder = await licenseRepository.getHolder({ dataset: snapshot, licensee: input.licensee });
    if (holder) {
      const existing = await licenseRepository.get(holder.value.licenseId);
      const live = existing && (await liveGrant(existing, input));
      if (live) return live;
    }
    const license: LicenseRecord = {
      id: `lic-${ulid().toLowerCase()}`,
      status: quote ? 'AWAITING_PAYMENT' : 'ISSUING',
      requestedAt,
      requestDate,
      licensee: input.licensee,
      purpose: input.purpose,
      dataset: snapshot,
      ...(quote ? { quote } : {}),
    };
    await licenseRepository.create(license);
    try {
      await licenseRepository.claimHolder(license, holder?.revision);
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        // The table failed: take the unclaimed license back (if it can be), so that the caller's
        // 503 leaves no license behind that a retry would not find.
        await licenseRepository.discardUnclaimed(license).catch(() => undefined);
        throw error;
      }
      await licenseRepository.discardUnclaimed(license);
      continue;
    }
    if (license.status === 'AWAITING_PAYMENT') return { license, reused: false };
    return { ...(await issueCertificate({ value: license, revision: 1 })), reused: false };
  }
  throw new ConflictError(
    'GRANT_TAKEN',
    'Other requests for this dataset by this licensee are being handled; retry shortly.',
  );
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
  input: LicenseRequest,
): Promise<LicenseOutcome | undefined> {
  const license = existing.value;
  switch (license.status) {
    case 'REVOKED':
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
