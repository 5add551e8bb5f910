import { AgencySchema } from '#domain/agency';
import { registerAgency } from '#usecases/register-agency';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'operator', body: AgencySchema }, async ({ body }) =>
  json(201, await registerAgency(body)),
);
