/**
 * S3 for the bundles: PutObject and GetObject, path-style (the SDK uses path-style for an IP
 * endpoint), each bucket a folder of the local blob store, so the PDFs land where a developer
 * looks for them anyway. A put's Object Lock headers are checked and noted with the call.
 */
import { join } from 'node:path';
import { FolderBlobStore } from '../../../functions/ports/blob-store-folder.ts';
import type { StandInReply, StandInRequest, StandInService } from './protocol.ts';

const xmlError = (status: number, code: string, message: string): StandInReply => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

/**
 * The Object Lock headers of a PutObject, checked as S3 checks them: a known mode with a retention
 * date, and a checksum of the body (S3 refuses a locked put without one). A string is the refusal.
 */
function objectLock(headers: StandInRequest['headers']): { lockMode?: string; lockUntil?: string } | string {
  const mode = headers['x-amz-object-lock-mode'];
  const until = headers['x-amz-object-lock-retain-until-date'];
  if (mode === undefined && until === undefined) return {};
  if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') return `Unknown object lock mode: ${String(mode)}`;
  if (typeof until !== 'string' || Number.isNaN(Date.parse(until)))
    return 'x-amz-object-lock-retain-until-date is required with x-amz-object-lock-mode.';
  const checksum = Object.keys(headers).some((h) => h === 'content-md5' || h.startsWith('x-amz-checksum-'));
  if (!checksum)
    return 'Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters';
  return { lockMode: mode, lockUntil: until };
}

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
        const lock = objectLock(headers);
        if (typeof lock === 'string') return xmlError(400, 'InvalidRequest', lock);
        await bucket(name).put(
          key.join('/'),
          body,
          String(headers['content-type'] ?? 'application/octet-stream'),
        );
        return { status: 200, headers: { etag: '"local"' }, note: { key: key.join('/'), ...lock } };
      }
      const found = await bucket(name).get(key.join('/'));
      if (!found) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 200, headers: { 'content-type': found.contentType }, body: found.bytes };
    },
    error: xmlError,
  };
}
