import { LicenseRequestSchema } from '#domain/license';
import { licenseView } from '#usecases/license-view';
import { requestLicense } from '#usecases/request-license';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

/** OPEN data: 201 with the certificate. Data on application: 202 with the quote. */
export const handler = httpHandler({ access: 'public', body: LicenseRequestSchema }, async ({ body }) => {
  const { license, certificate, reused } = await requestLicense(body);
  return json(certificate ? 201 : 202, licenseView(license, certificate, reused));
});
