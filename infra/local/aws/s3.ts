/**
 * S3 for the bundles: PutObject and GetObject, path-style (the SDK uses path-style for an IP
 * endpoint), each bucket a folder of the local blob store, so the PDFs land where a developer
 * looks for them anyway.
 */
import { join } from 'node:path';
import { FolderBlobStore } from '../../../functions/ports/blob-store-folder.ts';
import type { StandInReply, StandInService } from './protocol.ts';

const xmlError = (status: number, code: string, message: string): StandInReply => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

export function s3StandIn(root: string): StandInService {
  const buckets = new Map<string, FolderBlobStore>();
  const bucket = (name: string) => {
    let store = buckets.get(name);
    if (!store) buckets.set(name, (store = new FolderBlobStore(join(root, name))));
    return store;
  };
  return {
    name: 's3',
    match: ({ method, segments }) =>
      segments.length < 2
        ? undefined
        : method === 'PUT'
          ? 'PutObject'
          : method === 'GET'
            ? 'GetObject'
            : undefined,
    async run({ segments, headers, body }, operation): Promise<StandInReply> {
      const [name, ...key] = segments as [string, ...string[]];
      if (operation === 'PutObject') {
        await bucket(name).put(
          key.join('/'),
          body,
          String(headers['content-type'] ?? 'application/octet-stream'),
        );
        return { status: 200, headers: { etag: '"local"' } };
      }
      const found = await bucket(name).get(key.join('/'));
      if (!found) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 200, headers: { 'content-type': found.contentType }, body: found.bytes };
    },
    error: xmlError,
  };
}
