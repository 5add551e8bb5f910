import { signer } from '#ports/adapters';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

/** The public keys that verify certificate signatures; cacheable, since a key outlives its use. */
export const handler = httpHandler({ access: 'public' }, async () =>
  json(200, await (await signer()).publicJwks(), { 'cache-control': 'public, max-age=300' }),
);
