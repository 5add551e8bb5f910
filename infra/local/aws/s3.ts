/**
 * S3 for the bundles: PutObject, GetObject (presigned too: S3 checks the signature, this stand-in
 * only honours the response-* overrides), HeadObject and the multipart upload that lib-storage's
 * Upload uses for a body over one part, path-style (the SDK uses path-style for an IP endpoint),
 * each bucket a folder of the local blob store, so the PDFs land where a developer looks for them
 * anyway. Parts of an upload in progress are kept in memory. A put's Object Lock headers are
 * checked and noted with the call.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { FolderBlobStore } from '#ports/blob-store-folder';
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
  const uploads = new Map<string, { key: string; contentType: string; parts: Map<number, Buffer> }>();
  const xml = (body: string): StandInReply => ({
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>${body}`,
  });
  return {
    name: 's3',
    match: ({ method, segments, query }) => {
      if (segments.length < 2) return undefined;
      // Other stand-ins on this port take POSTs too (SES, Lambda): only S3's own query marks S3's.
      if (method === 'POST' && query.has('uploads')) return 'CreateMultipartUpload';
      if (method === 'POST' && query.has('uploadId')) return 'CompleteMultipartUpload';
      if (method === 'PUT') return query.has('uploadId') ? 'UploadPart' : 'PutObject';
      if (method === 'DELETE' && query.has('uploadId')) return 'AbortMultipartUpload';
      if (method === 'HEAD') return 'HeadObject';
      return method === 'GET' ? 'GetObject' : undefined;
    },
    async run({ segments, headers, body, query }, operation): Promise<StandInReply> {
      const [name, ...path] = segments as [string, ...string[]];
      const key = path.join('/');
      const contentType = String(headers['content-type'] ?? 'application/octet-stream');
      switch (operation) {
        case 'PutObject': {
          const lock = objectLock(headers);
          if (typeof lock === 'string') return xmlError(400, 'InvalidRequest', lock);
          await bucket(name).put(key, body, contentType);
          return { status: 200, headers: { etag: '"local"' }, note: { key, ...lock } };
        }
        case 'CreateMultipartUpload': {
          const uploadId = randomUUID();
          uploads.set(uploadId, { key, contentType, parts: new Map() });
          return xml(
            `<InitiateMultipartUploadResult><Bucket>${name}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
          );
        }
        case 'UploadPart': {
          const upload = uploads.get(query.get('uploadId') ?? '');
          if (!upload) return xmlError(404, 'NoSuchUpload', 'The specified upload does not exist.');
          upload.parts.set(Number(query.get('partNumber')), body);
          return { status: 200, headers: { etag: `"part-${query.get('partNumber')}"` } };
        }
        case 'CompleteMultipartUpload': {
          const uploadId = query.get('uploadId') ?? '';
          const upload = uploads.get(uploadId);
          if (!upload) return xmlError(404, 'NoSuchUpload', 'The specified upload does not exist.');
          const parts = [...upload.parts].sort(([a], [b]) => a - b).map(([, part]) => part);
          await bucket(name).put(upload.key, Buffer.concat(parts), upload.contentType);
          uploads.delete(uploadId);
          return xml(
            `<CompleteMultipartUploadResult><Bucket>${name}</Bucket><Key>${key}</Key><ETag>"local"</ETag></CompleteMultipartUploadResult>`,
          );
        }
        case 'AbortMultipartUpload':
          uploads.delete(query.get('uploadId') ?? '');
          return { status: 204 };
        case 'HeadObject': {
          const size = await bucket(name).size(key);
          if (size === undefined) return { status: 404 };
          return { status: 200, headers: { 'content-length': String(size) } };
        }
        default: {
          const found = await bucket(name).get(key);
          if (!found) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
          return {
            status: 200,
            headers: {
              'content-type': query.get('response-content-type') ?? found.contentType,
              ...(query.has('response-content-disposition')
                ? { 'content-disposition': query.get('response-content-disposition')! }
                : {}),
            },
            body: found.bytes,
          };
        }
      }
    },
    error: xmlError,
  };
}
