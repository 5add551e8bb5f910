import { verificationPageView } from '#usecases/verify-comment-email';
import {
  commentConfirmedPage,
  confirmCommentPage,
  linkProblemPage,
} from '#templates/pages/comment-verification';
import { COMMENT_LINK_ERRORS } from './comment-link-errors.ts';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { SecretParam } from './path-params.ts';

/** GET shows the comment and a Confirm button; it changes nothing (mail scanners open links). */
export const handler = httpGetHandler(
  { access: 'public', params: SecretParam, pageErrors: COMMENT_LINK_ERRORS.pages },
  async ({ params, locale }) => {
    const { comment, used, expired, proposalTitle } = await verificationPageView(params.secret);
    if (used) return pageResult(200, commentConfirmedPage(true, locale));
    if (expired) return pageResult(410, linkProblemPage('EXPIRED', locale));
    return pageResult(
      200,
      confirmCommentPage(
        {
          proposalTitle,
          body: comment.body,
          actionPath: `/comment-verifications/${encodeURIComponent(params.secret)}`,
        },
        locale,
      ),
    );
  },
);
