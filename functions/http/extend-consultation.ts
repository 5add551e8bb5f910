import { ExtensionInputSchema } from '#domain/consultation';
import { extendConsultation } from '#usecases/extend-consultation';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: IdParam, body: ExtensionInputSchema },
  async ({ params, body, principal }) => {
    const proposal = await extendConsultation(params.id, body, principal);
    return json(200, { id: proposal.id, status: proposal.status, consultation: proposal.consultation });
  },
);
