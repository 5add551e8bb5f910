import { CommentInputSchema } from '#domain/consultation';
import { commentOnProposal } from '#usecases/comment-on-proposal';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'public', params: IdParam, body: CommentInputSchema, bodyLimitBytes: 32 * 1024 },
  async ({ params, body }) => {
    const comment = await commentOnProposal(params.id, body);
    return json(201, {
      id: comment.id,
      receivedAt: comment.receivedAt,
      emailVerificationSent: body.author.email !== undefined,
    });
  },
);
