import { PaymentInputSchema } from '#domain/license';
import { confirmPayment } from '#usecases/confirm-payment';
import { licenseView } from '#usecases/license-view';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: IdParam, body: PaymentInputSchema },
  async ({ params, body, principal }) => {
    const { license, certificate } = await confirmPayment(params.id, body, principal);
    return json(200, licenseView(license, certificate));
  },
);
