/**
 * License requests, certificates, the per-licensee grant marker and the certificate-number
 * counter. Every write is conditional (create: must not exist; replace/delete: the revision read;
 * the counter's add: must exist);
 * nothing here scans, and nothing writes two items at once.
 */
import { ConflictError, ServiceUnavailableError } from '#domain/errors';
import { CERTIFICATE_PREFIXES, type GrantClass } from '#domain/license';
import type { CertificateRecord, LicenseRecord } from '#domain/license-records';
import {
  createItem,
  deleteItem,
  getItem,
  getVersioned,
  incrementItem,
  queryAll,
  queryPage,
  replaceItem,
} from './dynamo/table.ts';
import type { Page } from './dynamo/table.ts';
import {
  certificateCounterKeys,
  certificateKey,
  certificateKeys,
  certificatesOfDatasetPartition,
  licenseHolderKeys,
  licenseKey,
  licenseKeys,
  licensesOfAgencyPartition,
  licensesOfAgencyStart,
  licensesOfLicenseePartition,
} from './dynamo/keys.ts';
import type { Versioned } from './versioned.ts';
import { updateWithRetry } from './update-with-retry.ts';

/** Which license holds one licensee's grant for one dataset version. */
export interface LicenseHolder {
  licenseId: string;
}

interface CertificateCounter {
  year: number;
  last: number;
}

const keysOf = (license: LicenseRecord) =>
  licenseKeys({
    id: license.id,
    agencyId: license.dataset.agencyId,
    status: license.status,
    licenseeEmail: license.licensee.email,
    requestedAt: license.requestedAt,
  });

/** A license's place in its agency's list of one status (newest request first): its gsi1 sort key. */
export const licenseListPosition = (license: LicenseRecord): string => keysOf(license).gsi1sk!;

const holderKeysOf = (license: Pick<LicenseRecord, 'dataset' | 'licensee'>) =>
  licenseHolderKeys(license.dataset.id, license.dataset.version, license.licensee.email);

const licenseChanged = (id: string) => ({
  code: 'LICENSE_CHANGED',
  message: `License '${id}' was changed by another request; read it again and retry.`,
});

/** Only the first number of a year can race (to create the counter); one lost race is the most expected. */
const COUNTER_ATTEMPTS = 3;

export const licenseRepository = {
  async create(license: LicenseRecord): Promise<void> {
    await createItem(keysOf(license), license, {
      code: 'LICENSE_EXISTS',
      message: `License '${license.id}' already exists.`,
    });
  },

  async get(id: string): Promise<Versioned<LicenseRecord> | undefined> {
    return getVersioned<LicenseRecord>(licenseKey(id));
  },

  /** Writes the new state of a license if nobody changed it since `expectedRevision` was read. */
  async replace(license: LicenseRecord, expectedRevision: number): Promise<number> {
    return replaceItem(keysOf(license), license, expectedRevision, licenseChanged(license.id));
  },

  /**
   * Removes a license that lost the race for its grant marker before anything referred to it
   * (revision 1: never paid, never numbered).
   */
  async discardUnclaimed(license: LicenseRecord): Promise<void> {
    await deleteItem(keysOf(license), 1, licenseChanged(license.id));
  },

  /** One page of the providing agency's license requests in one status, newest first. */
  async listByAgency(
    agencyId: string,
    status: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<LicenseRecord>> {
    const result = await queryPage<LicenseRecord>({
      index: 'gsi1',
      partition: licensesOfAgencyPartition(agencyId, status),
      newestFirst: true,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /**
   * One page of the providing agency's licenses in one status, newest request first, continuing
   * after the position `after` (a `licenseListPosition`); `more` says whether the index holds more.
   */
  async listByAgencyAfter(
    agencyId: string,
    status: string,
    page: { limit: number; after?: string },
  ): Promise<{ items: LicenseRecord[]; more: boolean }> {
    const result = await queryPage<LicenseRecord>({
      index: 'gsi1',
      partition: licensesOfAgencyPartition(agencyId, status),
      newestFirst: true,
      // One more than asked: a full page says whether any follows (a Limit reached alone would not).
      limit: page.limit + 1,
      ...(page.after ? { startAfter: licensesOfAgencyStart(agencyId, status, page.after) } : {}),
    });
    return {
      items: result.items.slice(0, page.limit).map((i) => i.data),
      more: result.items.length > page.limit || result.cursor !== undefined,
    };
  },

  async listByLicensee(email: string): Promise<LicenseRecord[]> {
    return (
      await queryAll<LicenseRecord>({ index: 'gsi2', partition: licensesOfLicenseePartition(email) })
    ).map((i) => i.data);
  },

  async getHolder(
    license: Pick<LicenseRecord, 'dataset' | 'licensee'>,
  ): Promise<Versioned<LicenseHolder> | undefined> {
    return getVersioned<LicenseHolder>(holderKeysOf(license));
  },

  /**
   * Makes `license` the holder of its licensee's grant for its dataset version: creates the marker
   * when `expectedRevision` is undefined, otherwise takes it over from the license it named at that
   * revision. Throws ConflictError (GRANT_TAKEN) when another request got there first.
   */
  async claimHolder(license: LicenseRecord, expectedRevision: number | undefined): Promise<void> {
    const conflict = {
      code: 'GRANT_TAKEN',
      message: `Another request for dataset '${license.dataset.id}' by this licensee is being handled; retry.`,
    };
    const holder: LicenseHolder = { licenseId: license.id };
    if (expectedRevision === undefined) await createItem(holderKeysOf(license), holder, conflict);
    else await replaceItem(holderKeysOf(license), holder, expectedRevision, conflict);
  },

  async createCertificate(certificate: CertificateRecord): Promise<void> {
    await createItem(certificateKeys(certificate.number, certificate.claims.dataset.id), certificate, {
      code: 'CERTIFICATE_EXISTS',
      message: `Certificate '${certificate.number}' already exists.`,
    });
  },

  async getCertificate(number: string): Promise<Versioned<CertificateRecord> | undefined> {
    return getVersioned<CertificateRecord>(certificateKey(number));
  },

  async replaceCertificate(certificate: CertificateRecord, expectedRevision: number): Promise<number> {
    return replaceItem(
      certificateKeys(certificate.number, certificate.claims.dataset.id),
      certificate,
      expectedRevision,
      {
        code: 'CERTIFICATE_CHANGED',
        message: `Certificate '${certificate.number}' was changed by another request; read it again and retry.`,
      },
    );
  },

  async listCertificatesOfDataset(datasetId: string): Promise<CertificateRecord[]> {
    return (
      await queryAll<CertificateRecord>({
        index: 'gsi1',
        partition: certificatesOfDatasetPartition(datasetId),
      })
    ).map((i) => i.data);
  },

  /**
   * The next sequence number of `kind`'s certificates in `year`, starting at 1: one conditional write that adds one
   * to the counter where it exists, or, for the first number of a year, creates it at 1 on the condition
   * that it does not exist yet (a lost creation race goes back to adding). Each number is handed out
   * once; a caller that fails afterwards leaves a gap. (Reading the counter and then writing it back on
   * the revision read made every concurrent request but one lose and retry: at 20 concurrent requests
   * some gave up after 30 rounds.)
   */
  async nextCertificateSequence(kind: GrantClass, year: number): Promise<number> {
    const keys = certificateCounterKeys(CERTIFICATE_PREFIXES[kind], year);
    const raced = { code: 'COUNTER_RACED', message: 'Another request created this counter.' };
    try {
      return await updateWithRetry(COUNTER_ATTEMPTS, async () => {
        const next = await incrementItem(keys, 'last');
        if (next !== undefined) return next;
        await createItem(keys, { year, last: 1 }, raced);
        return 1;
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new ServiceUnavailableError(
        'Certificate numbers are in high demand; retry shortly.',
        'CERTIFICATE_NUMBER_BUSY',
      );
    }
  },

  /** The last sequence number of `kind`'s certificates given out in `year` (0 when none). */
  async lastCertificateSequence(kind: GrantClass, year: number): Promise<number> {
    return (
      (await getItem<CertificateCounter>(certificateCounterKeys(CERTIFICATE_PREFIXES[kind], year)))?.data
        .last ?? 0
    );
  },
};
