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

export type IdempotencyRecord =
  | { state: 'IN_PROGRESS'; requestHash: string; startedAt: string }
  | { state: 'COMPLETED'; requestHash: string; startedAt: string; response: StoredResponse };

const RETENTION_SECONDS = 24 * 60 * 60;

export const idempotencyStore = {
  /** Claims the key; returns the existing record instead when another request claimed it first. */
  async claim(
    scope: string,
    key: string,
    requestHash: string,
    now: Date,
  ): Promise<IdempotencyRecord | undefined> {
    const record: IdempotencyRecord = { state: 'IN_PROGRESS', requestHash, startedAt: now.toISOString() };
    try {
      await createItem(
        idempotencyKeys(scope, key),
        record,
        { code: 'IDEMPOTENCY_CLAIMED', message: '' },
        {
          expiresAtEpoch: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
        },
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return (await getItem<IdempotencyRecord>(idempotencyKeys(scope, key)))?.data;
    }
  },

  async complete(
    scope: string,
    key: string,
    requestHash: string,
    startedAt: string,
    response: StoredResponse,
    now: Date,
  ) {
    const record: IdempotencyRecord = { state: 'COMPLETED', requestHash, startedAt, response };
    await replaceItem(
      idempotencyKeys(scope, key),
      record,
      1,
      { code: 'IDEMPOTENCY_CHANGED', message: 'The idempotency record changed.' },
      {
        expiresAtEpoch: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
      },
    );
  },

  /** Releases a claim whose request failed, so the client may retry with the same key. */
  async release(scope: string, key: string) {
    try {
      await deleteItem(idempotencyKeys(scope, key), 1, { code: 'IDEMPOTENCY_CHANGED', message: '' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  },
};
