/**
 * The consultation desk of the agency workspace:
 * - GET /agency/consultations: the agency's proposals whose comments it answers (in consultation,
 *   or closed and awaiting its answers), each with its progress;
 * - GET /agency/consultations/{id}: one proposal's desk: progress "n of m answered", the comments a
 *   page at a time with item, tier and campaign group, each with its answer page, and the form
 *   that extends the closing date;
 * - POST /agency/consultations/{id}/extend: that form. The date and time are Taipei's, read into
 *   an instant in one place (taipeiInstant); then the same use case as
 *   POST /fee-proposals/{id}/consultation/extend, and 303 back; a refusal shows the desk again
 *   with the form and each field's message.
 */
import * as z from '#domain/zod';
import { ExtensionInputSchema } from '#domain/consultation';
import { consultationDeskView, consultationsToAnswer } from '#usecases/consultation-desk-view';
import { extendConsultation } from '#usecases/extend-consultation';
import { workspacePaths } from '#usecases/workspace-paths';
import { consultationDeskBody, consultationListBody } from '#templates/pages/consultation-desk';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { taipeiInstant } from '#templates/taipei-time';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formPost, type RefusedForm } from './form-post.ts';
import { isFormPost, formValues, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Params = z.object({ id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))) });
const Query = z.object({
  cursor: z.droppedIfInvalid(z.string().check(z.maxLength(2000))),
  done: z.droppedIfInvalid(z.enum(['answered', 'extended'])),
});
const EXTEND_FORM = ['closesDate', 'closesTime', 'reason'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: Params, query: Query, body: z.unknown(), bodyLimitBytes: 16 * 1024 },
  async ({ params, query, body, headers, principal, session }) => {
    const frame = frameOf(session);
    const options = { current: workspacePaths.consultations(), styles: PUBLIC_STYLES };
    if (!params.id) {
      const toAnswer = await consultationsToAnswer(principal);
      return workspacePageResult(
        200,
        workspacePage(
          frame,
          { zh: '公開徵詢', en: 'Consultations' },
          consultationListBody(
            toAnswer.map(({ proposal: p, progress }) => ({
              title: p.title,
              status: p.status,
              closesAt: p.consultation?.closesAt,
              progress,
              url: workspacePaths.consultationDesk(p.id),
            })),
          ),
          options,
        ),
      );
    }

    const id = params.id;
    const render = async (refused?: RefusedForm) => {
      const view = await consultationDeskView(id, principal, query.cursor);
      return workspacePageResult(
        refused?.problem.status ?? 200,
        workspacePage(
          frame,
          {
            zh: `回覆意見：${view.proposal.title.zh}`,
            en: `Comments${view.proposal.title.en ? `: ${view.proposal.title.en}` : ''}`,
          },
          consultationDeskBody({
            ...view,
            csrf: csrfField(session.csrfToken),
            ...(refused ? { extendForm: refused } : {}),
            ...(query.done === 'answered' ? { notice: 'ANSWERED' as const } : {}),
            ...(query.done === 'extended' ? { notice: 'EXTENDED' as const } : {}),
          }),
          options,
        ),
      );
    };
    if (!isFormPost(headers)) return render();
    const values = formValues(body, EXTEND_FORM);
    return formPost(
      // The instant the form stands for is its date and time fields.
      { values, formPath: (p) => (p === 'closesAt' ? 'closesDate' : p) },
      async () => {
        const closesAt = taipeiInstant(values.closesDate ?? '', values.closesTime ?? '');
        const input = parseWith(
          ExtensionInputSchema,
          { ...(closesAt ? { closesAt } : {}), ...(values.reason?.trim() ? { reason: values.reason } : {}) },
          'body',
        );
        await extendConsultation(id, input, principal);
        return seeOther(`${workspacePaths.consultationDesk(id)}?done=extended`);
      },
      render,
    );
  },
);
