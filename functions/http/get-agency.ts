import { readAgency } from '#usecases/read-registry';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpGetHandler({ access: 'public', params: IdParam }, async ({ params }) =>
  json(200, await readAgency(params.id)),
);
