import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { registerAdvisoryGroup } from '#usecases/register-advisory-group';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator', body: AdvisoryGroupSchema }, async ({ body }) =>
  json(201, await registerAdvisoryGroup(body)),
);
