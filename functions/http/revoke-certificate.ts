import { RevokeInputSchema } from '#domain/license';
import { revokeCertificate } from '#usecases/revoke-certificate';
import { certificateSummary } from '#usecases/license-view';
import { CertificateNumberParam } from './certificate-params.ts';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: CertificateNumberParam, body: RevokeInputSchema },
  async ({ params, body, principal }) => {
    const certificate = await revokeCertificate(params.number, body, principal);
    return json(200, { ...certificateSummary(certificate), revocation: certificate.revocation });
  },
);
