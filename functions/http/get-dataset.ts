import { NotFoundError } from '#domain/errors';
import { datasetRepository } from '#ports/registry-repository';
import { datasetDcat, datasetView } from '#usecases/dataset-view';
import type { StoredDataset } from '#usecases/dataset-view';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'public', params: IdParam },
  async ({ params, headers, baseUrl }) => {
    const found = await datasetRepository.get(params.id);
    if (!found) throw new NotFoundError('Dataset', params.id);
    const dataset = found.value as StoredDataset;
    if ((headers.accept ?? '').includes('application/ld+json')) {
      return {
        status: 200,
        body: JSON.stringify(datasetDcat(dataset, baseUrl)),
        contentType: 'application/ld+json; charset=utf-8',
      };
    }
    return json(200, datasetView(dataset));
  },
);
