import * as z from 'zod';
import { verifyCertificate } from '#usecases/verify-certificate';
import { certificateVerificationPage } from '#templates/pages/certificate-verification';
import { PAGE_HEADERS } from '#templates/pages/layout';
import { CertificateNumberParam } from './certificate-params.ts';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

const Query = z.object({
  /** The SHA-256 of a copy to compare with the issued PDF. */
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 digest is 64 hexadecimal characters.')
    .transform((s) => s.toLowerCase())
    .optional(),
  format: z.enum(['json', 'html']).optional(),
});

/** JSON by default; a page for browsers (`Accept: text/html`) or with `?format=html`. */
export const handler = httpHandler(
  { access: 'public', params: CertificateNumberParam, query: Query },
  async ({ params, query, headers }) => {
    const result = await verifyCertificate(params.number, query.sha256);
    const wantsPage =
      query.format === 'html' || (query.format === undefined && (headers.accept ?? '').includes('text/html'));
    if (wantsPage) {
      return {
        status: 200,
        body: certificateVerificationPage(result),
        contentType: PAGE_HEADERS['content-type'],
        headers: PAGE_HEADERS,
      };
    }
    return json(200, result);
  },
);
