/** Documents served as JSON by default and as their PDF on `?format=pdf` or `Accept: application/pdf`. */
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { blobStore } from '#ports/adapters';
import { inlineDisposition } from '#ports/blob-store';
import type { HttpResult } from './types.ts';

export const DocumentQuery = z.object({ format: z.optional(z.enum(['json', 'pdf'])) });

/** `?format=` wins (links in mails cannot set headers); otherwise the Accept header decides. */
export function wantsPdf(format: 'json' | 'pdf' | undefined, accept: string | undefined): boolean {
  return format === 'pdf' || (format === undefined && (accept ?? '').includes('application/pdf'));
}

/**
 * Documents above this size are answered with a redirect to a short-lived download link instead of
 * their bytes: a Lambda response holds at most 6 MB, and API Gateway carries a binary body in
 * base64, a third larger, so 4 MB of PDF is about 5.3 MB of response, with room for the headers.
 */
export const LARGE_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** Long enough to follow the redirect and download; short enough that a shared link soon stops working. */
export const DOWNLOAD_LINK_SECONDS = 300;

/** A stored PDF: its bytes when small, else a 303 to a download link (S3 presigned on AWS). */
export async function storedPdf(
  key: string,
  filename: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const blobs = await blobStore();
  const size = await blobs.size(key);
  if (size === undefined) throw new NotFoundError('Document', key);
  if (size > LARGE_DOCUMENT_BYTES) {
    const location = await blobs.downloadUrl(key, {
      filename,
      contentType: 'application/pdf',
      expiresInSeconds: DOWNLOAD_LINK_SECONDS,
    });
    // The link expires: no cache may keep the redirect longer than the link works.
    return { status: 303, headers: { location, 'cache-control': 'no-store', ...headers } };
  }
  const blob = await blobs.get(key);
  if (!blob) throw new NotFoundError('Document', key);
  return {
    status: 200,
    body: blob.bytes,
    contentType: 'application/pdf',
    headers: { 'content-disposition': inlineDisposition(filename), ...headers },
  };
}
