import { NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

/** The audit trail of a submitted proposal: every transition, comment and answer, oldest first. */
export const handler = httpHandler({ access: 'public', params: IdParam }, async ({ params }) => {
  const found = await proposalRepository.get(params.id);
  if (!found || found.value.status === 'DRAFT') throw new NotFoundError('Fee proposal', params.id);
  return json(200, { items: await proposalRepository.listEvents(params.id) });
});
