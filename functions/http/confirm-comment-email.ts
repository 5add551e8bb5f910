import * as z from '#domain/zod';
import { confirmCommentEmail } from '#usecases/verify-comment-email';
import { commentConfirmedPage } from '#templates/pages/comment-verification';
import { COMMENT_LINK_ERRORS } from './comment-link-errors.ts';
import { httpHandler } from './handler.ts';
import { wantsPage } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';
import { SecretParam } from './path-params.ts';

/** POST from the page's button (or JSON) confirms the address. */
export const handler = httpHandler(
  {
    access: 'public',
    params: SecretParam,
    body: z.looseObject({}),
    pageErrors: COMMENT_LINK_ERRORS.forms,
  },
  async ({ params, headers, locale }) => {
    const { alreadyConfirmed, comment } = await confirmCommentEmail(params.secret);
    return wantsPage(headers, 'forms')
      ? pageResult(200, commentConfirmedPage(alreadyConfirmed, locale))
      : json(200, { commentId: comment.id, emailVerified: true, alreadyConfirmed });
  },
);
