/**
 * GET/POST /agency/proposals/new and /agency/proposals/{id}/edit: the proposal editor of the agency
 * workspace, for a new proposal and for a revision (a draft, or after changes were requested).
 * - GET shows the form: empty, or as the proposal was last saved.
 * - POST takes the button the clerk pressed: adding or removing a fee item or a cost line shows the
 *   form again with the row changed (nothing is stored); "save" (or "save and check") drafts the
 *   proposal, or edits it, through the same use cases as POST and PUT /fee-proposals, then 303 to the
 *   editor (or to the check-your-answers page); a refusal shows the form again with each field's
 *   message and a summary on top. Every post comes back with the costs the fee rules computed.
 */
import * as z from '#domain/zod';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { canTransition } from '#domain/proposal-status';
import { ConflictError } from '#domain/errors';
import { draftFeeProposal } from '#usecases/draft-fee-proposal';
import { editFeeProposal } from '#usecases/edit-fee-proposal';
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { feeableDatasets, itemCosts } from '#usecases/proposal-editor-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { EDITOR_STYLES, proposalEditorForm } from '#templates/pages/proposal-editor';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formPost } from './form-post.ts';
import { isFormPost, seeOther, type FormRefusal } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import {
  applyAction,
  emptyRows,
  formPathOf,
  parseAction,
  paymentWayRows,
  proposalRows,
  readRows,
  rowsToBody,
  rowValues,
  type ProposalRows,
} from './proposal-form.ts';
import type { HttpResult } from './types.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Params = z.object({ id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))) });
const Query = z.object({ saved: z.droppedIfInvalid(z.literal('1')) });

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: Params, query: Query, body: z.unknown(), bodyLimitBytes: 256 * 1024 },
  async ({ params, query, body, headers, principal, session }) => {
    const existing = params.id ? (await loadAgencyProposal(params.id, principal)).value : undefined;
    if (existing && !canTransition(existing.status, 'EDIT')) {
      throw new ConflictError(
        'NOT_EDITABLE',
        `Proposal '${existing.id}' is ${existing.status}: only a draft or a proposal with changes requested can be edited.`,
      );
    }
    const agencyId = existing?.agencyId ?? principal?.agencyId ?? '';
    const render = async (status: number, rows: ProposalRows, notice?: 'SAVED', refusal?: FormRefusal) => {
      const body = rowsToBody(rows, agencyId) as { items: unknown[] };
      const markup = workspacePage(
        frameOf(session),
        existing
          ? {
              zh: `修改提案：${existing.title.zh}`,
              en: `Edit the proposal${existing.title.en ? `: ${existing.title.en}` : ''}`,
            }
          : { zh: '新增收費基準提案', en: 'New fee-schedule proposal' },
        proposalEditorForm({
          action: existing ? workspacePaths.editProposal(existing.id) : workspacePaths.newProposal(),
          csrf: csrfField(session.csrfToken),
          datasets: await feeableDatasets(agencyId),
          rows: {
            items: rows.items.map((i) => ({ lines: i.lines.length })),
            paymentWays: paymentWayRows(rows),
          },
          state: { values: rowValues(rows), ...(refusal ? { problem: refusal } : {}) },
          costs: body.items.map(itemCosts),
          ...(existing?.status === 'CHANGES_REQUESTED' ? { revision: true } : {}),
          ...(notice ? { notice } : {}),
        }),
        { current: workspacePaths.proposals(), styles: PUBLIC_STYLES + EDITOR_STYLES },
      );
      return workspacePageResult(status, markup);
    };

    if (!isFormPost(headers)) {
      return render(200, existing ? proposalRows(existing) : emptyRows(), query.saved ? 'SAVED' : undefined);
    }
    const posted = readRows(body);
    const action = parseAction((body as Record<string, unknown>).action as string | undefined);
    if (action.kind !== 'save' && action.kind !== 'check') return render(200, applyAction(posted, action));
    return save(posted, action.kind, existing?.id, agencyId, principal, render);
  },
);

async function save(
  rows: ProposalRows,
  then: 'save' | 'check',
  id: string | undefined,
  agencyId: string,
  principal: Parameters<typeof draftFeeProposal>[1],
  render: (
    status: number,
    rows: ProposalRows,
    notice?: 'SAVED',
    refusal?: FormRefusal,
  ) => Promise<HttpResult>,
): Promise<HttpResult> {
  return formPost(
    { values: {}, formPath: formPathOf(rows) },
    async () => {
      const input = parseWith(FeeProposalInputSchema, rowsToBody(rows, agencyId), 'body');
      const saved = id
        ? await editFeeProposal(id, input, principal)
        : await draftFeeProposal(input, principal);
      return seeOther(
        then === 'check'
          ? workspacePaths.checkProposal(saved.id)
          : `${workspacePaths.editProposal(saved.id)}?saved=1`,
      );
    },
    (form) => render(form.problem.status, rows, undefined, form.problem),
  );
}
