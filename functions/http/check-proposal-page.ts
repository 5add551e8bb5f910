/**
 * GET /agency/proposals/{id}/check: check your answers before submitting: everything that will be
 * published, each part with a link to change it in the editor, and the one button that submits.
 * POST (the button): submits through the same use case as POST /fee-proposals/{id}/submit, then 303
 * to the proposal's page; a refusal (an effective date too early, a dataset no longer on
 * application) shows this page again with what to change.
 */
import { submitFeeProposal } from '#usecases/submit-fee-proposal';
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { resubmission, workspaceProposal } from '#usecases/workspace-proposal-view';
import { checkAnswersBody, WORKSPACE_PROPOSAL_STYLES } from '#templates/pages/proposal-status';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import * as z from '#domain/zod';
import type { Principal } from '#domain/principal';
import type { WorkspaceSession } from '#domain/session';
import { formPost } from './form-post.ts';
import { isFormPost, seeOther, type FormRefusal } from './forms.ts';
import { IdParam } from './path-params.ts';
import type { HttpResult } from './types.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: IdParam, body: z.unknown(), bodyLimitBytes: 8 * 1024 },
  async ({ params, headers, principal, session }) => {
    const render = (problem?: FormRefusal) => checkPage(params.id, principal, session, problem);
    if (!isFormPost(headers)) return render();
    return formPost(
      { values: {} },
      async () => {
        await submitFeeProposal(params.id, principal);
        return seeOther(`${workspacePaths.proposal(params.id)}?done=submitted`);
      },
      (form) => render(form.problem),
    );
  },
);

async function checkPage(
  id: string,
  principal: Principal | undefined,
  session: WorkspaceSession,
  problem?: FormRefusal,
): Promise<HttpResult> {
  const { value: p } = await loadAgencyProposal(id, principal);
  const again = resubmission(p);
  return workspacePageResult(
    problem?.status ?? 200,
    workspacePage(
      frameOf(session),
      {
        zh: `送出前檢查：${p.title.zh}`,
        en: `Check before submitting${p.title.en ? `: ${p.title.en}` : ''}`,
      },
      checkAnswersBody({
        proposal: await workspaceProposal(p),
        csrf: csrfField(session.csrfToken),
        links: {
          edit: workspacePaths.editProposal(p.id),
          submit: workspacePaths.checkProposal(p.id),
          preview: workspacePaths.previewProposal(p.id),
        },
        ...(again ? { resubmission: again } : {}),
        ...(problem ? { problem } : {}),
      }),
      { current: workspacePaths.proposals(), styles: PUBLIC_STYLES + WORKSPACE_PROPOSAL_STYLES },
    ),
  );
}
