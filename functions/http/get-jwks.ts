import { signer } from '#ports/adapters';
import { httpGetHandler } from './handler.ts';
import { json } from './types.ts';

/** The public keys that verify certificate signatures; cacheable, since a key outlives its use. */
export const handler = httpGetHandler({ access: 'public' }, async () =>
  json(200, await (await signer()).publicJwks(), { 'cache-control': 'public, max-age=300' }),
);
