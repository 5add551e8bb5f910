import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { confirmCommentEmail } from '#usecases/verify-comment-email';
import { commentConfirmedPage, linkProblemPage } from '#templates/pages/comment-verification';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

/** POST from the page's button (or JSON) confirms the address. */
export const handler = httpHandler(
  { access: 'public', params: Params, body: z.looseObject({}) },
  async ({ params, headers }) => {
    const wantsJson = (headers['content-type'] ?? '').includes('json');
    try {
      const { alreadyConfirmed, comment } = await confirmCommentEmail(params.secret);
      return wantsJson
        ? json(200, { commentId: comment.id, emailVerified: true, alreadyConfirmed })
        : pageResult(200, commentConfirmedPage(alreadyConfirmed));
    } catch (error) {
      if (wantsJson) throw error;
      if (error instanceof NotFoundError) return pageResult(404, linkProblemPage('UNKNOWN'));
      if (error instanceof GoneError) return pageResult(410, linkProblemPage('EXPIRED'));
      throw error;
    }
  },
);
