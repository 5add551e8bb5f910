/**
 * GET /agency/proposals/{id}/preview: the agency's own proposal, a draft included, on the public
 * proposal page exactly as the public will see it once submitted (the same view and template as
 * /consultations/{id}), under a banner saying it is not published; in the reader's language, with
 * the switch to see it in the other one as the public would.
 */
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { proposalPageView } from '#usecases/consultation-page-view';
import { workspacePaths } from '#usecases/workspace-paths';
import { consultationPage } from '#templates/pages/consultation';
import { IdParam } from './path-params.ts';
import { workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', params: IdParam },
  async ({ params, principal, locale }) => {
    const { value: proposal } = await loadAgencyProposal(params.id, principal);
    const view = await proposalPageView(proposal);
    return workspacePageResult(
      200,
      consultationPage({ ...view, preview: { back: workspacePaths.proposal(proposal.id) } }, locale),
    );
  },
);
