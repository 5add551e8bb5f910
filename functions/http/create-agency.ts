import { AgencySchema } from '#domain/agency';
import { registerAgency } from '#usecases/register-agency';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator', body: AgencySchema }, async ({ body }) =>
  json(201, await registerAgency(body)),
);
