import { NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { publicComment } from '#usecases/comment-view';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler({ access: 'public', params: IdParam }, async ({ params }) => {
  const found = await proposalRepository.get(params.id);
  if (!found || found.value.status === 'DRAFT') throw new NotFoundError('Fee proposal', params.id);
  const comments = await proposalRepository.listComments(params.id);
  return json(200, { items: comments.map(publicComment) });
});
