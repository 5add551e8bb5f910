/**
 * What S3 does for a presigned GET, locally: `/_local/blobs/<key>?filename&expires&signature`
 * serves the blob behind a download link the folder blob store signed (functions/ports/
 * blob-store-folder.ts), so a large document takes the same redirect locally as on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '#http/middleware/error-body';
import { FolderBlobStore, LOCAL_BLOB_PATH } from '#ports/blob-store-folder';
import { inlineDisposition, InvalidBlobKeyError } from '#ports/blob-store';
import { writeResponse } from './event-adapter.ts';
import type { LocalRoute } from './http-server.ts';

export function blobRoutes(dir: string, linkSecret: string): LocalRoute {
  const store = new FolderBlobStore(dir, linkSecret);
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    if ((method !== 'GET' && method !== 'HEAD') || !url.pathname.startsWith(LOCAL_BLOB_PATH)) return false;
    const key = decodeURIComponent(url.pathname.slice(LOCAL_BLOB_PATH.length));
    const filename = url.searchParams.get('filename') ?? '';
    const signed = store.verifyDownload(
      key,
      filename,
      url.searchParams.get('expires') ?? '',
      url.searchParams.get('signature') ?? '',
    );
    // As S3 does: an expired or altered link is refused (403) without saying whether the object exists.
    const blob = signed ? await store.get(key).catch(refuseBadKey) : undefined;
    if (!blob) {
      const message = 'The download link is expired or not one this service made.';
      writeResponse(res, errorBody({ code: 'DOWNLOAD_LINK_INVALID', message }, 403), method);
      return true;
    }
    writeResponse(
      res,
      {
        statusCode: 200,
        headers: { 'content-type': blob.contentType, 'content-disposition': inlineDisposition(filename) },
        body: blob.bytes.toString('base64'),
        isBase64Encoded: true,
      },
      method,
    );
    return true;
  };
}

function refuseBadKey(error: unknown): undefined {
  if (error instanceof InvalidBlobKeyError) return undefined;
  throw error;
}
