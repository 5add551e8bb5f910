import * as z from '#domain/zod';
import { verifyCertificate } from '#usecases/verify-certificate';
import { certificateVerificationPage } from '#templates/pages/certificate-verification';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { verifyBox } from '#templates/pages/verify-box';
import { CertificateNumberParam } from './certificate-params.ts';
import { httpGetHandler } from './handler.ts';
import { pageErrors, wantsPage } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

const Query = z.object({
  /** The SHA-256 of a copy to compare with the issued PDF. */
  sha256: z.optional(
    z.pipe(
      z
        .string()
        .check(z.trim(), z.regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 digest is 64 hexadecimal characters.')),
      z.transform((s: string) => s.toLowerCase()),
    ),
  ),
  /** The token of the certificate's verify link (its QR code): shows the licensee. */
  token: z.optional(z.string().check(z.maxLength(200))),
  format: z.optional(z.enum(['json', 'html'])),
});

/**
 * JSON by default; a page for browsers (`Accept: text/html`) or with `?format=html`, where an unknown
 * or malformed number gets the HTML 404 page. Status and dataset for anyone; the licensee only with
 * the certificate's `?token=` or its PDF's `?sha256=`.
 */
export const handler = httpGetHandler(
  {
    access: 'public',
    params: CertificateNumberParam,
    query: Query,
    pageErrors: pageErrors({ notFound: NOT_FOUND_SUBJECTS.certificate, retry: verifyBox }),
  },
  async ({ params, query, headers, locale }) => {
    const result = await verifyCertificate(params.number, {
      ...(query.sha256 ? { sha256: query.sha256 } : {}),
      ...(query.token ? { token: query.token } : {}),
    });
    if (wantsPage(headers, 'browsers', query.format))
      return pageResult(200, certificateVerificationPage(result, locale));
    return json(200, result);
  },
);
