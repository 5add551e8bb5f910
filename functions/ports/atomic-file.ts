/**
 * File writes that a reader never sees half done, for the local adapters (outbox, blob folder,
 * key store): the bytes go to a temporary file beside the target, which is then renamed over it
 * (rename within one directory is atomic on POSIX). Temporary names start with a dot, a form no
 * outbox id or blob key can take, so a leftover from a crash is never mistaken for data.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
}

async function writeTemp(path: string, data: Buffer | string | Readable, mode: number): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  // The mode is set at creation, so a private key is never readable by others, not even briefly.
  await writeFile(temp, data, { mode, flag: 'wx' });
  return temp;
}

/** Replaces `path` with `data` (a stream is written as it comes, then renamed) in one step. */
export async function writeFileAtomic(
  path: string,
  data: Buffer | string | Readable,
  mode = 0o644,
): Promise<void> {
  const temp = await writeTemp(path, data, mode);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates `path` with `data` only if nothing is there yet, complete or not at all: a hard link
 * fails with EEXIST instead of replacing. Returns false when another writer was first.
 */
export async function createFileExclusive(
  path: string,
  data: Buffer | string,
  mode = 0o644,
): Promise<boolean> {
  const temp = await writeTemp(path, data, mode);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
