/**
 * The blob store port: PDFs and published JSON, addressed by keys such as
 * `certificates/2026/OGDL-2026-000001.pdf`. S3 on AWS (`blob-store-s3.ts`), a folder locally
 * (`blob-store-folder.ts`). Both adapters accept the same keys, checked here, so a key that works
 * locally cannot fail on AWS or the other way round.
 */
import type { Readable } from 'node:stream';

export interface StoredBlob {
  bytes: Buffer;
  contentType: string;
}

export interface BlobStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /**
   * Stores what `body` yields until it ends, without holding it all: for documents of unbounded
   * size (the consultation report). Nothing is visible under the key until the last byte is in.
   */
  putStream(key: string, body: Readable, contentType: string): Promise<void>;
  /** Undefined when nothing is stored under the key. */
  get(key: string): Promise<StoredBlob | undefined>;
  /** The stored object's size in bytes, read without its bytes; undefined when nothing is stored. */
  size(key: string): Promise<number | undefined>;
  /**
   * A link that fetches the object directly, without passing through the function, valid for
   * `expiresInSeconds` (a presigned S3 GET on AWS; locally a signed path of the local runtime).
   */
  downloadUrl(key: string, download: DownloadOptions): Promise<string>;
}

export interface DownloadOptions {
  /** The file name the browser shows (Content-Disposition: inline). */
  filename: string;
  contentType: string;
  expiresInSeconds: number;
}

/** The Content-Disposition every document is served with, directly or through a download link. */
export const inlineDisposition = (filename: string) => `inline; filename="${filename}"`;

/**
 * Issued certificates and decision records are official records: where the store can (S3 Object
 * Lock, governance mode), each stored version is locked against overwriting and deletion for ten
 * years. Governance mode, so that an administrator holding s3:BypassGovernanceRetention can still
 * dispose of records when the records schedule says so; reports and other blobs are not locked.
 */
const RECORD_PREFIXES = ['certificates/', 'decisions/'];
const RECORD_RETENTION_YEARS = 10;

/** Until when the version stored now under `key` is locked, or undefined for a blob that is no record. */
export function recordLockedUntil(key: string, now: Date): Date | undefined {
  if (!RECORD_PREFIXES.some((prefix) => key.startsWith(prefix))) return undefined;
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + RECORD_RETENTION_YEARS);
  return until;
}

/**
 * One segment: starts with a letter or digit (so never `.`, `..` or a hidden file), then letters,
 * digits, `.`, `_`, `-`. No backslash, no empty segment, so no leading slash and no `//`.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

export class InvalidBlobKeyError extends Error {
  constructor(key: string) {
    super(`Blob key '${key.slice(0, 80)}' is not a relative path of plain segments.`);
    this.name = 'InvalidBlobKeyError';
  }
}

/**
 * Keys are built by the service, never taken from a request; a bad one is a bug, refused before
 * any I/O.
 */
export function assertBlobKey(key: string): string[] {
  const segments = key.split('/');
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !segments.every((s) => SEGMENT.test(s))) {
    throw new InvalidBlobKeyError(key);
  }
  return segments;
}
