/**
 * POST /fee-proposals/{id}/comments: a comment as JSON (201 with its id), or from the proposal
 * page's form (303 back to the page, or 307 to the page that shows the form again with the refusal).
 */
import * as z from '#domain/zod';
import { CommentInputSchema } from '#domain/consultation';
import { commentOnProposal } from '#usecases/comment-on-proposal';
import { pagePaths } from '#usecases/page-paths';
import { CHECKED, COMMENT_FORM_FIELDS } from '#templates/pages/comment-form-fields';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with CommentInputSchema either way.
  { access: 'public', params: IdParam, body: z.unknown(), bodyLimitBytes: 32 * 1024 },
  async ({ params, body, headers, lang }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: CommentInputSchema,
        fields: COMMENT_FORM_FIELDS,
        run: (input) => commentOnProposal(params.id, input, lang),
        json: (comment, input) =>
          json(201, {
            id: comment.id,
            receivedAt: comment.receivedAt,
            emailVerificationSent: input.author.email !== undefined,
          }),
        accepted: (comment, input) =>
          `${pagePaths.consultation(params.id)}?comment=${input.author.email ? 'check-mail' : 'received'}#comment-${comment.id}`,
        formPage: () => `${pagePaths.consultation(params.id)}#comment-form`,
        // A ticked checkbox posts its value; the body's field is a boolean.
        fromForm: (posted) => ({
          body: posted.notify === CHECKED ? { ...posted, notify: true } : posted,
          formPath: (path) => path,
        }),
      },
    ),
);
