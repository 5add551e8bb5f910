import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { lookUpVerification } from '#usecases/verify-comment-email';
import {
  commentConfirmedPage,
  confirmCommentPage,
  linkProblemPage,
} from '#templates/pages/comment-verification';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

/** GET shows the comment and a Confirm button; it changes nothing (mail scanners open links). */
export const handler = httpHandler({ access: 'public', params: Params }, async ({ params, requestId: _ }) => {
  try {
    const { comment, used, expired } = await lookUpVerification(params.secret);
    if (used) return pageResult(200, commentConfirmedPage(true));
    if (expired) return pageResult(410, linkProblemPage('EXPIRED'));
    const proposal = await proposalRepository.get(comment.proposalId);
    return pageResult(
      200,
      confirmCommentPage({
        proposalTitle: proposal?.value.title ?? { zh: '' },
        body: comment.body,
        actionPath: `/comment-verifications/${encodeURIComponent(params.secret)}`,
      }),
    );
  } catch (error) {
    if (error instanceof NotFoundError) return pageResult(404, linkProblemPage('UNKNOWN'));
    if (error instanceof GoneError) return pageResult(410, linkProblemPage('EXPIRED'));
    throw error;
  }
});
