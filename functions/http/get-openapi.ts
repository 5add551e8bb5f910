import { httpGetHandler } from './handler.ts';
import { openApiDocument } from './openapi.ts';
import { json } from './types.ts';

export const handler = httpGetHandler({ access: 'public' }, async ({ baseUrl }) =>
  json(200, openApiDocument(baseUrl)),
);
