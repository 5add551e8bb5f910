import { organizationRepository } from '#ports/registry-repository';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'operator' }, async () =>
  json(200, { items: await organizationRepository.list() }),
);
