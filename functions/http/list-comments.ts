import * as z from '#domain/zod';
import { publicCommentsPage } from '#usecases/read-comments';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

/**
 * One page of comments, oldest first; `cursor` (absent on the last page) asks for the next. A page
 * of at most 200 comments of at most 5,000 characters stays far below the 6 MB a response may have.
 */
export const ListCommentsQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const handler = httpGetHandler(
  { access: 'public', params: IdParam, query: ListCommentsQuery },
  async ({ params, query }) => json(200, await publicCommentsPage(params.id, query)),
);
