/**
 * GET /agency/proposals/{id}/withdraw: the withdrawal's confirmation page (what withdrawing ends,
 * the reason that goes on the public trail), while the status model allows a withdrawal. POST
 * (the same function): the same use case as POST /fee-proposals/{id}/withdraw → 303 to the
 * proposal's page; a refusal shows this page again with the reason's message.
 */
import * as z from '#domain/zod';
import {
  IllegalTransitionError,
  canTransition,
  WITHDRAWAL_LABELS,
  WithdrawalInputSchema,
} from '#domain/proposal-status';
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { withdrawFeeProposal } from '#usecases/withdraw-fee-proposal';
import { workspacePaths } from '#usecases/workspace-paths';
import type { FormState } from '#templates/pages/form-fields';
import { withdrawPageBody, WORKSPACE_PROPOSAL_STYLES } from '#templates/pages/proposal-status';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formPost } from './form-post.ts';
import { formToBody, formValues, isFormPost, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const FIELDS = ['reason'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: IdParam, body: z.unknown(), bodyLimitBytes: 8 * 1024 },
  async ({ params, principal, session, headers, body }) => {
    const { value: p } = await loadAgencyProposal(params.id, principal);
    // Withdrawn already (a second click, a reload): its page says so.
    if (p.status === 'WITHDRAWN') return seeOther(`${workspacePaths.proposal(p.id)}?done=withdrawn`);
    if (!canTransition(p.status, 'WITHDRAW')) throw new IllegalTransitionError(p.status, 'WITHDRAW');
    const render = (status: number, form: FormState) =>
      workspacePageResult(
        status,
        workspacePage(
          frameOf(session),
          {
            zh: `撤回提案：${p.title.zh}`,
            en: `Withdraw${p.title.en ? `: ${p.title.en}` : ' the proposal'}`,
          },
          withdrawPageBody({
            proposal: { title: p.title, status: p.status, version: p.version },
            csrf: csrfField(session.csrfToken),
            action: workspacePaths.withdrawProposal(p.id),
            cancel: workspacePaths.proposal(p.id),
            form,
            labels: WITHDRAWAL_LABELS,
          }),
          { current: workspacePaths.proposals(), styles: PUBLIC_STYLES + WORKSPACE_PROPOSAL_STYLES },
        ),
      );
    if (!isFormPost(headers)) return render(200, { values: {} });
    const values = formValues(body, FIELDS);
    return formPost(
      { values, bilingual: true },
      async () => {
        await withdrawFeeProposal(
          p.id,
          parseWith(WithdrawalInputSchema, formToBody(values, FIELDS), 'body'),
          principal,
        );
        return seeOther(`${workspacePaths.proposal(p.id)}?done=withdrawn`);
      },
      (form) => render(form.problem.status, form),
    );
  },
);
