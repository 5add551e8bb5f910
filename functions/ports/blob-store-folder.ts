/**
 * Blobs on the local machine: the bytes at `<root>/<key>` (so a developer can open the PDFs
 * straight from the folder) and the content type in `<root>/.meta/<key>.json`, a tree no valid
 * key can reach because no segment may start with a dot.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { isErrno, writeFileAtomic } from './atomic-file.ts';
import { assertBlobKey, InvalidBlobKeyError } from './blob-store.ts';
import type { BlobStore, DownloadOptions, StoredBlob } from './blob-store.ts';

/** Where the local runtime serves a blob from a download link (infra/local/blob-routes.ts). */
export const LOCAL_BLOB_PATH = '/_local/blobs/';

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export class FolderBlobStore implements BlobStore {
  private readonly root: string;

  /**
   * `linkSecret` signs download links as S3 signs a presigned GET: without it the store makes
   * none (the local runtime gives one, chosen at each start).
   */
  constructor(
    root: string,
    private readonly linkSecret?: string,
  ) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { data, meta } = this.paths(key);
    // Bytes first: a reader that sees the new type always finds the new bytes already in place.
    await writeFileAtomic(data, bytes);
    await writeFileAtomic(meta, `${JSON.stringify({ contentType })}\n`);
  }

  async putStream(key: string, body: Readable, contentType: string): Promise<void> {
    const { data, meta } = this.paths(key);
    await writeFileAtomic(data, body);
    await writeFileAtomic(meta, `${JSON.stringify({ contentType })}\n`);
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    const { data, meta } = this.paths(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(data);
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR') || isErrno(error, 'EISDIR')) return undefined;
      throw error;
    }
    let contentType = FALLBACK_CONTENT_TYPE;
    try {
      contentType = (JSON.parse(await readFile(meta, 'utf8')) as { contentType: string }).contentType;
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    return { bytes, contentType };
  }

  async size(key: string): Promise<number | undefined> {
    const { data } = this.paths(key);
    try {
      const found = await stat(data);
      return found.isFile() ? found.size : undefined;
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  /** A site-relative path of the local runtime, signed over the key, the file name and the expiry. */
  async downloadUrl(key: string, download: DownloadOptions): Promise<string> {
    assertBlobKey(key);
    const expires = String(Math.floor(Date.now() / 1000) + download.expiresInSeconds);
    const query = new URLSearchParams({ filename: download.filename, expires });
    query.set('signature', this.signature(key, download.filename, expires));
    return `${LOCAL_BLOB_PATH}${key}?${query.toString()}`;
  }

  /** Whether a download link's signature is this store's and the link has not expired. */
  verifyDownload(key: string, filename: string, expires: string, signature: string): boolean {
    if (!/^\d{1,12}$/.test(expires) || Number(expires) < Date.now() / 1000) return false;
    const expected = Buffer.from(this.signature(key, filename, expires));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private signature(key: string, filename: string, expires: string): string {
    if (!this.linkSecret) throw new Error('This blob folder was opened without a link secret.');
    return createHmac('sha256', this.linkSecret)
      .update(`${key}\n${filename}\n${expires}`)
      .digest('base64url');
  }

  private paths(key: string): { data: string; meta: string } {
    const segments = assertBlobKey(key);
    const data = resolve(this.root, ...segments);
    // The key check already rules out escapes; this second look guards against a future change
    // to that check, since a path outside the root here would be a write anywhere on the disk.
    const rel = relative(this.root, data);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) throw new InvalidBlobKeyError(key);
    return { data, meta: join(this.root, '.meta', `${rel}.json`) };
  }
}
