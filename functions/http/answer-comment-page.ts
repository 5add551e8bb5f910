/**
 * GET /agency/consultations/{id}/comments/{commentId}: the page that answers one comment (adopted,
 * partly adopted or not adopted, with the reply published in the report); for a campaign text, the
 * answer goes to every copy of it in the round (the use case answers them together).
 * POST: the same use case as PUT /fee-proposals/{id}/comments/{commentId}/disposition, then 303 to
 * the desk; a refusal shows this page again with each field's message.
 */
import * as z from '#domain/zod';
import { DispositionSchema } from '#domain/consultation';
import { answerComment } from '#usecases/answer-comment';
import { commentToAnswer, deskComment, deskProposal } from '#usecases/consultation-desk-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { answerCommentBody } from '#templates/pages/consultation-desk';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formPost } from './form-post.ts';
import { isFormPost, formToBody, formValues, seeOther } from './forms.ts';
import type { FormState } from '#templates/pages/form-fields';
import { parseWith } from './middleware/parse-request.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Params = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  commentId: z.string().check(z.minLength(1), z.maxLength(200)),
});
const FIELDS = ['disposition', 'reply'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: Params, body: z.unknown(), bodyLimitBytes: 32 * 1024 },
  async ({ params, body, headers, principal, session }) => {
    const render = async (status: number, state: FormState) => {
      const {
        proposal,
        comment,
        copies: total,
      } = await commentToAnswer(params.id, params.commentId, principal);
      return workspacePageResult(
        status,
        workspacePage(
          frameOf(session),
          { zh: '回覆意見', en: 'Answer a comment' },
          answerCommentBody({
            proposal: deskProposal(proposal),
            comment: deskComment(params.id, comment, total),
            groupSize: total,
            csrf: csrfField(session.csrfToken),
            action: workspacePaths.answerComment(params.id, params.commentId),
            back: workspacePaths.consultationDesk(params.id),
            state,
          }),
          { current: workspacePaths.consultations(), styles: PUBLIC_STYLES },
        ),
      );
    };
    if (!isFormPost(headers)) return render(200, { values: {} });
    const values = formValues(body, FIELDS);
    return formPost(
      { values },
      async () => {
        const input = parseWith(DispositionSchema, formToBody(values, FIELDS), 'body');
        await answerComment(params.id, params.commentId, input, principal);
        return seeOther(
          `${workspacePaths.consultationDesk(params.id)}?done=answered#comment-${params.commentId}`,
        );
      },
      (form) => render(form.problem.status, form),
    );
  },
);
