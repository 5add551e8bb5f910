import { NotFoundError } from '#domain/errors';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'public', params: IdParam }, async ({ params }) => {
  const agency = await agencyRepository.get(params.id);
  if (!agency) throw new NotFoundError('Agency', params.id);
  return json(200, { ...agency, datasets: await datasetRepository.listByAgency(agency.id) });
});
