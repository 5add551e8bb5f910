import { DatasetSchema } from '#domain/dataset';
import { editDataset } from '#usecases/edit-dataset';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'agency', params: IdParam, body: DatasetSchema },
  async ({ params, body, principal }) => json(200, await editDataset(params.id, body, principal)),
);
