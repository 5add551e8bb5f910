import { organizationRepository } from '#ports/registry-repository';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator' }, async () =>
  json(200, { items: await organizationRepository.list() }),
);
