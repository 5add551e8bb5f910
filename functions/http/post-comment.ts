/**
 * POST /fee-proposals/{id}/comments: a comment as JSON (201 with its id), or from the proposal
 * page's form: 303 back to the page, or, refused, the form again from here with the refusal's
 * status (a light page: the form, the proposal's title and a link back to its page).
 */
import * as z from '#domain/zod';
import { CommentInputSchema } from '#domain/consultation';
import { commentOnProposal } from '#usecases/comment-on-proposal';
import { refusedCommentView } from '#usecases/comment-form-view';
import { pagePaths } from '#usecases/page-paths';
import { CHECKED, COMMENT_FORM_FIELDS } from '#templates/pages/comment-form-fields';
import { refusedCommentPage } from '#templates/pages/comment-refused';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { formRefusals } from './form-refusals.ts';
import { jsonOrForm, type FormSpec } from './forms.ts';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

const FORM: FormSpec = {
  fields: COMMENT_FORM_FIELDS,
  // A ticked checkbox posts its value; the body's field is a boolean.
  fromForm: (posted) => ({
    body: posted.notify === CHECKED ? { ...posted, notify: true } : posted,
    formPath: (path) => path,
  }),
};

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with CommentInputSchema either way.
  {
    access: 'public',
    params: IdParam,
    body: z.unknown(),
    bodyLimitBytes: 32 * 1024,
    pageErrors: formRefusals({
      ...FORM,
      schema: CommentInputSchema,
      notFound: NOT_FOUND_SUBJECTS.proposal,
      page: async (form, { event, locale }) =>
        refusedCommentPage(await refusedCommentView(event.pathParameters?.id ?? '', form), locale),
    }),
  },
  async ({ params, body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        ...FORM,
        schema: CommentInputSchema,
        run: (input) => commentOnProposal(params.id, input, lang),
        json: (comment, input) =>
          json(201, {
            id: comment.id,
            receivedAt: comment.receivedAt,
            emailVerificationSent: input.author.email !== undefined,
          }),
        accepted: (comment, input) =>
          `${pagePaths.consultation(params.id)}?comment=${input.author.email ? 'check-mail' : 'received'}#comment-${comment.id}`,
      },
    ),
);
