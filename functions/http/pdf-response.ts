/** Documents served as JSON by default and as their PDF on `?format=pdf` or `Accept: application/pdf`. */
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { blobStore } from '#ports/adapters';
import type { HttpResult } from './types.ts';

export const DocumentQuery = z.object({ format: z.optional(z.enum(['json', 'pdf'])) });

/** `?format=` wins (links in mails cannot set headers); otherwise the Accept header decides. */
export function wantsPdf(format: 'json' | 'pdf' | undefined, accept: string | undefined): boolean {
  return format === 'pdf' || (format === undefined && (accept ?? '').includes('application/pdf'));
}

export async function storedPdf(
  key: string,
  filename: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const blob = await (await blobStore()).get(key);
  if (!blob) throw new NotFoundError('Document', key);
  return {
    status: 200,
    body: blob.bytes,
    contentType: 'application/pdf',
    headers: { 'content-disposition': `inline; filename="${filename}"`, ...headers },
  };
}
