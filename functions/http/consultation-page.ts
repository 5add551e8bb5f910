/**
 * GET /consultations/{id}: the public page of a proposal, with its comments and, while the
 * consultation is open, the comment form (which posts to POST /fee-proposals/{id}/comments; a
 * refused comment is shown again by that route itself). Records nothing.
 */
import * as z from '#domain/zod';
import { consultationPageView } from '#usecases/consultation-page-view';
import { consultationPage } from '#templates/pages/consultation';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';

const Query = z.object({
  /** Where the comments continue (from the page's "more comments" link). */
  cursor: z.droppedIfInvalid(z.string().check(z.maxLength(2000))),
  /** Set by the 303 after a comment from the form: `received`, or `check-mail` when an e-mail was given. */
  comment: z.droppedIfInvalid(z.enum(['received', 'check-mail'])),
});

const NOTICES = { received: 'COMMENT_RECEIVED', 'check-mail': 'COMMENT_RECEIVED_CHECK_MAIL' } as const;

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    query: Query,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.proposal }),
  },
  async ({ params, query, locale }) =>
    pageResult(
      200,
      consultationPage(
        {
          ...(await consultationPageView(params.id, query.cursor)),
          ...(query.comment ? { notice: NOTICES[query.comment] } : {}),
        },
        locale,
      ),
    ),
);
