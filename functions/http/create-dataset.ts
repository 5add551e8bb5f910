import { DatasetSchema } from '#domain/dataset';
import { registerDataset } from '#usecases/register-dataset';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'agency', body: DatasetSchema }, async ({ body, principal }) =>
  json(201, await registerDataset(body, principal)),
);
