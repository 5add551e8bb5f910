import * as z from '#domain/zod';
import { ForbiddenError } from '#domain/errors';
import { findCertificate, holdsCertificate } from '#usecases/verify-certificate';
import { CertificateNumberParam } from './certificate-params.ts';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { storedPdf } from './pdf-response.ts';

const Query = z.object({ token: z.optional(z.string().check(z.maxLength(200))) });

/**
 * The certificate PDF as issued, for whoever holds its link (`?token=`): it names the licensee, so
 * the number alone does not fetch it. Its SHA-256 is in a header. A browser meeting an unknown
 * number gets the 404 page.
 */
export const handler = httpGetHandler(
  {
    access: 'public',
    params: CertificateNumberParam,
    query: Query,
    pageErrors: pageErrors({ notFound: NOT_FOUND_SUBJECTS.certificate }),
  },
  async ({ params, query }) => {
    const { value: certificate } = await findCertificate(params.number);
    if (!holdsCertificate(certificate, query.token ? { token: query.token } : {}))
      throw new ForbiddenError(
        'The certificate PDF is fetched with the link the licensee was given (it carries ?token=).',
        'CERTIFICATE_TOKEN_REQUIRED',
      );
    return storedPdf(certificate.pdfKey, `${certificate.number}.pdf`, {
      'x-content-sha256': certificate.claims.pdfSha256,
    });
  },
);
