import { OrganizationSchema } from '#domain/organization';
import { organizationRepository } from '#ports/registry-repository';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator', body: OrganizationSchema }, async ({ body }) => {
  await organizationRepository.create(body);
  return json(201, body);
});
