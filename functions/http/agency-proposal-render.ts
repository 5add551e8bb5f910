/**
 * One of the agency's proposals as its workspace page (GET /agency/proposals/{id}), built here so
 * that the form posts that end on it (the §10 step form) show it again with their refusal: where
 * it stands, the members' reasons, the steps of 規費法 §10 after a favourable vote, what can be
 * done next.
 */
import { FEE_LAW_STEP_INPUT_LABELS, FEE_LAW_STEPS, feeLawChecklist } from '#domain/fee-law-steps';
import { canTransition, isPublicStatus } from '#domain/proposal-status';
import type { WorkspaceSession } from '#domain/session';
import type { ProposalRecord } from '#ports/proposal-repository';
import { answersTaken } from '#usecases/consultation-desk-view';
import { pagePaths } from '#usecases/page-paths';
import { feeLawStepsRequired } from '#usecases/settings';
import { workspacePaths } from '#usecases/workspace-paths';
import { withdrawal } from '#usecases/withdrawal';
import { changesRequested, workspaceProposal } from '#usecases/workspace-proposal-view';
import type { FormState } from '#templates/pages/form-fields';
import {
  proposalStatusBody,
  WORKSPACE_PROPOSAL_STYLES,
  type FeeLawStepsView,
  type ProposalStatusView,
} from '#templates/pages/proposal-status';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import type { HttpResult } from './types.ts';
import { frameOf } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export async function agencyProposalPage(
  p: ProposalRecord,
  session: WorkspaceSession,
  options: { status?: number; notice?: ProposalStatusView['notice']; stepForm?: FormState } = {},
): Promise<HttpResult> {
  const editable = canTransition(p.status, 'EDIT');
  const reasons = changesRequested(p);
  const steps = feeLawStepsOf(p, options.stepForm ?? { values: {} });
  const withdrawn = await withdrawal(p);
  return workspacePageResult(
    options.status ?? 200,
    workspacePage(
      frameOf(session),
      p.title,
      proposalStatusBody({
        proposal: await workspaceProposal(p),
        csrf: csrfField(session.csrfToken),
        links: {
          ...(editable
            ? { edit: workspacePaths.editProposal(p.id), check: workspacePaths.checkProposal(p.id) }
            : {}),
          preview: workspacePaths.previewProposal(p.id),
          ...(answersTaken(p) ? { desk: workspacePaths.consultationDesk(p.id) } : {}),
          ...(isPublicStatus(p.status) ? { publicPage: pagePaths.consultation(p.id) } : {}),
          ...(canTransition(p.status, 'WITHDRAW') ? { withdraw: workspacePaths.withdrawProposal(p.id) } : {}),
        },
        ...(reasons ? { changesRequested: reasons } : {}),
        ...(withdrawn ? { withdrawal: withdrawn } : {}),
        ...(steps ? { feeLawSteps: steps } : {}),
        ...(options.notice ? { notice: options.notice } : {}),
      }),
      { current: workspacePaths.proposals(), styles: PUBLIC_STYLES + WORKSPACE_PROPOSAL_STYLES },
    ),
  );
}

/** The §10 steps once the vote approved (where the deployment records them), the next one's form while APPROVED. */
function feeLawStepsOf(p: ProposalRecord, form: FormState): FeeLawStepsView | undefined {
  const done = p.feeLawSteps ?? [];
  if (!feeLawStepsRequired() || (p.status !== 'APPROVED' && done.length === 0)) return undefined;
  const next = p.status === 'APPROVED' ? FEE_LAW_STEPS[done.length] : undefined;
  return {
    steps: feeLawChecklist(done),
    ...(next
      ? {
          next: {
            step: next,
            action: workspacePaths.recordFeeLawStep(p.id),
            form,
            effectiveFrom: p.effectiveFrom,
          },
        }
      : {}),
    labels: FEE_LAW_STEP_INPUT_LABELS,
  };
}
