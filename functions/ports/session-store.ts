/**
 * Workspace sessions in the table: created at sign-in, read on every workspace request (expiry
 * checked on read, since DynamoDB's TTL deletes an expired item only some time later and dynalite
 * never does), deleted at sign-out. Keyed by the SHA-256 of the cookie's id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isLive, type WorkspaceSession } from '#domain/session';
import { createItem, deleteIfExists, getItem } from './dynamo/table.ts';
import { sessionKeys } from './dynamo/keys.ts';

/** 256 random bits, URL-safe: a session id or a CSRF token. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

const hashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');
const epochSeconds = (iso: string) => Math.ceil(Date.parse(iso) / 1000);

export const sessionStore = {
  /** Stores a new session; returns the id for the cookie (the only place it is kept). */
  async create(session: WorkspaceSession): Promise<string> {
    const id = randomToken();
    await createItem(
      sessionKeys(hashOf(id)),
      session,
      { code: 'SESSION_EXISTS', message: 'A session with this id exists already.' },
      { expiresAtEpoch: epochSeconds(session.expiresAt) },
    );
    return id;
  },

  /** The live session the cookie's id names, or undefined (unknown, signed out or expired). */
  async read(id: string, now: Date): Promise<WorkspaceSession | undefined> {
    const stored = await getItem<WorkspaceSession>(sessionKeys(hashOf(id)));
    return stored && isLive(stored.data, now) ? stored.data : undefined;
  },

  /** Ends the session; returns whether there was one to end (a second sign-out finds none). */
  async end(id: string): Promise<boolean> {
    return deleteIfExists(sessionKeys(hashOf(id)));
  },
};
