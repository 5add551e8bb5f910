/**
 * Blobs on the local machine: the bytes at `<root>/<key>` (so a developer can open the PDFs
 * straight from the folder) and the content type in `<root>/.meta/<key>.json`, a tree no valid
 * key can reach because no segment may start with a dot.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { isErrno, writeFileAtomic } from './atomic-file.ts';
import { assertBlobKey, InvalidBlobKeyError } from './blob-store.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export class FolderBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
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
