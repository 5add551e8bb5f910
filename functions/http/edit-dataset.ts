import { DatasetSchema } from '#domain/dataset';
import { editDataset } from '#usecases/edit-dataset';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: IdParam, body: DatasetSchema },
  async ({ params, body, principal }) => json(200, await editDataset(params.id, body, principal)),
);
