import { OrganizationSchema } from '#domain/organization';
import { registerOrganization } from '#usecases/read-registry';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator', body: OrganizationSchema }, async ({ body }) =>
  json(201, await registerOrganization(body)),
);
