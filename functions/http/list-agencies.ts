import { listAgencies } from '#usecases/read-registry';
import { httpGetHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpGetHandler({ access: 'public' }, async () =>
  json(200, { items: await listAgencies() }),
);
