/**
 * GET /consultations/{id}: the public page of a proposal, with its comments and, while the
 * consultation is open, the comment form (which posts to POST /fee-proposals/{id}/comments).
 * POST /consultations/{id} (the same function): the page again with the comment form as posted,
 * after POST …/comments refused it and sent the browser here with a 307 (the refusal is in the
 * query). Neither records anything.
 */
import * as z from '#domain/zod';
import { consultationPageView } from '#usecases/consultation-page-view';
import { consultationPage } from '#templates/pages/consultation';
import type { ConsultationPageView } from '#templates/pages/consultation';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { COMMENT_FORM_FIELDS } from '#templates/pages/comment-form-fields';
import { CommentInputSchema } from '#domain/consultation';
import { fieldMessagesOf, formToBody, formValues, RefusalQuery, refusalFromQuery } from './forms.ts';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import type { HttpResult } from './types.ts';

const Query = z.extend(RefusalQuery, {
  /** Where the comments continue (from the page's "more comments" link). */
  cursor: z.catch(z.optional(z.string().check(z.maxLength(2000))), undefined),
  /** Set by the 303 after a comment from the form: `received`, or `check-mail` when an e-mail was given. */
  comment: z.catch(z.optional(z.enum(['received', 'check-mail'])), undefined),
});

/** The page; `extra` carries a notice or a refused form. */
async function consultationPageResult(
  proposalId: string,
  status: number,
  extra: Pick<ConsultationPageView, 'notice' | 'form'> = {},
  cursor: string | undefined,
): Promise<HttpResult> {
  return pageResult(
    status,
    consultationPage({ ...(await consultationPageView(proposalId, cursor)), ...extra }),
  );
}

export const handler = httpHandler(
  {
    access: 'public',
    params: IdParam,
    query: Query,
    body: z.unknown(),
    bodyLimitBytes: 32 * 1024,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.proposal }),
  },
  async ({ params, query, body }) => {
    const values = formValues(body, COMMENT_FORM_FIELDS);
    const refused = refusalFromQuery(query);
    const problem = refused && {
      ...refused,
      messages: fieldMessagesOf(CommentInputSchema, formToBody(values, COMMENT_FORM_FIELDS)),
    };
    return consultationPageResult(
      params.id,
      problem?.status ?? 200,
      {
        ...(query.comment === 'received' ? { notice: 'COMMENT_RECEIVED' as const } : {}),
        ...(query.comment === 'check-mail' ? { notice: 'COMMENT_RECEIVED_CHECK_MAIL' as const } : {}),
        ...(problem || Object.keys(values).length > 0
          ? { form: { values, ...(problem ? { problem } : {}) } }
          : {}),
      },
      query.cursor,
    );
  },
);
