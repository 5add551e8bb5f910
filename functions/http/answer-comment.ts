import * as z from '#domain/zod';
import { DispositionSchema } from '#domain/consultation';
import { answerComment } from '#usecases/answer-comment';
import { publicComment } from '#usecases/comment-view';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

const Params = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  commentId: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const handler = bearerHandler(
  { access: 'agency', params: Params, body: DispositionSchema },
  async ({ params, body, principal }) =>
    json(200, publicComment(await answerComment(params.id, params.commentId, body, principal))),
);
