import { NotFoundError } from '#domain/errors';
import { blobStore } from '#ports/adapters';
import { findCertificate } from '#usecases/verify-certificate';
import { CertificateNumberParam } from './certificate-params.ts';
import { httpHandler } from './handler.ts';

/** The certificate PDF as issued; its SHA-256 is in a header and on the verify page. */
export const handler = httpHandler(
  { access: 'public', params: CertificateNumberParam },
  async ({ params }) => {
    const { value: certificate } = await findCertificate(params.number);
    const blob = await (await blobStore()).get(certificate.pdfKey);
    if (!blob) throw new NotFoundError('Certificate PDF', certificate.number);
    return {
      status: 200,
      body: blob.bytes,
      contentType: 'application/pdf',
      headers: {
        'content-disposition': `inline; filename="${certificate.number}.pdf"`,
        'x-content-sha256': certificate.claims.pdfSha256,
      },
    };
  },
);
