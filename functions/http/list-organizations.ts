import { listOrganizations } from '#usecases/read-registry';
import { bearerGetHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerGetHandler({ access: 'operator' }, async () =>
  json(200, { items: await listOrganizations() }),
);
