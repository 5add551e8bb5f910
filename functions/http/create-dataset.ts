import { DatasetSchema } from '#domain/dataset';
import { registerDataset } from '#usecases/register-dataset';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'agency', body: DatasetSchema }, async ({ body, principal }) =>
  json(201, await registerDataset(body, principal)),
);
