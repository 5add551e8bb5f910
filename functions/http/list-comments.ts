import * as z from '#domain/zod';
import { proposalRepository } from '#ports/proposal-repository';
import { publicComment } from '#usecases/comment-view';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

/**
 * One page of comments, oldest first; `cursor` (absent on the last page) asks for the next. A page
 * of at most 200 comments of at most 5,000 characters stays far below the 6 MB a response may have.
 */
export const ListCommentsQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const handler = httpHandler(
  { access: 'public', params: IdParam, query: ListCommentsQuery },
  async ({ params, query }) => {
    await loadPublicProposal(params.id);
    const page = await proposalRepository.listCommentsPage(params.id, query);
    return json(200, {
      items: page.items.map(publicComment),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
  },
);
