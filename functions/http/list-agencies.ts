import { listAgencies } from '#usecases/read-registry';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'public' }, async () =>
  json(200, { items: await listAgencies() }),
);
