import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { registerAdvisoryGroup } from '#usecases/register-advisory-group';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'operator', body: AdvisoryGroupSchema }, async ({ body }) =>
  json(201, await registerAdvisoryGroup(body)),
);
