import { listOrganizations } from '#usecases/read-registry';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'operator' }, async () =>
  json(200, { items: await listOrganizations() }),
);
