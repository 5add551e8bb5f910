/**
 * Responses remembered under a client's Idempotency-Key, so a retried POST (a lost response,
 * a double click) returns the first result instead of acting twice.
 */
import { ConflictError } from '#domain/errors';
import { createItem, deleteItem, getItem, replaceItem } from './dynamo/table.ts';
import { idempotencyKeys } from './dynamo/keys.ts';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

/**
 * A claim is IN_PROGRESS until its request answers. A request that never answers (its Lambda timed
 * out or crashed mid-request) leaves the claim behind: once `lockedUntil` has passed, the next
 * request with the key takes the claim over instead of being told forever that the first one is
 * still running. Records without `lockedUntil` (stored before it existed) lock for the default.
 */
export type IdempotencyRecord =
  | { state: 'IN_PROGRESS'; requestHash: string; startedAt: string; lockedUntil?: string }
  | { state: 'COMPLETED'; requestHash: string; startedAt: string; response: StoredResponse };

/** The claim a request holds: `revision` is what its completion or release is conditional on. */
export interface HeldClaim {
  revision: number;
}

export type ClaimResult = { held: HeldClaim } | { existing: IdempotencyRecord };

const RETENTION_SECONDS = 24 * 60 * 60;
/** How long a claim locks its key when the caller cannot say (no Lambda context): the longest HTTP timeout. */
export const DEFAULT_LOCK_MS = 30_000;

const expiresAtEpoch = (now: Date) => Math.floor(now.getTime() / 1000) + RETENTION_SECONDS;

function abandoned(record: IdempotencyRecord, now: Date): boolean {
  if (record.state !== 'IN_PROGRESS') return false;
  const lockedUntil =
    record.lockedUntil ?? new Date(Date.parse(record.startedAt) + DEFAULT_LOCK_MS).toISOString();
  return Date.parse(lockedUntil) <= now.getTime();
}

/**
 * Written by hand rather than with Powertools Idempotency: the contract (the key scoped to route and
 * caller, 422 for the key reused with another body, 409 while in progress, a released claim after a
 * refusal, the replayed response marked) and the service's controllable clock, which decides when a
 * lock has expired in tests and locally, are the service's own; the store is these few conditional writes.
 */
export const idempotencyStore = {
  /**
   * Claims the key, locking it for `lockMs`; returns the existing record instead when another
   * request holds it or has completed it. An abandoned claim is taken over by a write conditional on
   * the revision that was read, so of two requests arriving after the lock expired one takes it.
   */
  async claim(
    scope: string,
    key: string,
    requestHash: string,
    now: Date,
    lockMs = DEFAULT_LOCK_MS,
  ): Promise<ClaimResult> {
    const keys = idempotencyKeys(scope, key);
    const record: IdempotencyRecord = {
      state: 'IN_PROGRESS',
      requestHash,
      startedAt: now.toISOString(),
      lockedUntil: new Date(now.getTime() + lockMs).toISOString(),
    };
    const claimed = { code: 'IDEMPOTENCY_CLAIMED', message: '' };
    const extra = { expiresAtEpoch: expiresAtEpoch(now) };
    let seen: IdempotencyRecord = record;
    // A second and third pass only after a race: the record was released or taken over meanwhile.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await createItem(keys, record, claimed, extra);
        return { held: { revision: 1 } };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      const found = await getItem<IdempotencyRecord>(keys);
      if (!found) continue;
      seen = found.data;
      if (found.data.requestHash !== requestHash || !abandoned(found.data, now))
        return { existing: found.data };
      try {
        return { held: { revision: await replaceItem(keys, record, found.revision, claimed, extra) } };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return { existing: seen };
  },

  /** Stores the response under the held claim; false when a later request has taken the claim over. */
  async complete(
    scope: string,
    key: string,
    claim: HeldClaim & { requestHash: string; startedAt: string },
    response: StoredResponse,
    now: Date,
  ): Promise<boolean> {
    const record: IdempotencyRecord = {
      state: 'COMPLETED',
      requestHash: claim.requestHash,
      startedAt: claim.startedAt,
      response,
    };
    try {
      await replaceItem(
        idempotencyKeys(scope, key),
        record,
        claim.revision,
        { code: 'IDEMPOTENCY_CHANGED', message: 'The idempotency record changed.' },
        { expiresAtEpoch: expiresAtEpoch(now) },
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return false;
    }
  },

  /** Releases a claim whose request failed, so the client may retry with the same key. */
  async release(scope: string, key: string, claim: HeldClaim) {
    try {
      await deleteItem(idempotencyKeys(scope, key), claim.revision, {
        code: 'IDEMPOTENCY_CHANGED',
        message: '',
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  },
};
