/**
 * GET /agency: the agency's dashboard, in the workspace frame: what waits for the agency (as the
 * domain computed it, agency-agenda.ts) and its proposals in every status, each leading to its
 * desk page.
 */
import { agencyDashboard } from '#usecases/agency-dashboard';
import { pagePaths } from '#usecases/page-paths';
import { workspacePaths } from '#usecases/workspace-paths';
import { dashboardBody } from '#templates/pages/agency-dashboard';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = workspaceGetHandler({ access: 'workspace-agency' }, async ({ principal, session }) => {
  const { agenda, proposals } = await agencyDashboard(principal);
  const body = dashboardBody({
    agenda,
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      href: workspacePaths.proposal(p.id),
    })),
    links: {
      proposal: workspacePaths.proposal,
      consultation: workspacePaths.consultationDesk,
      license: workspacePaths.licensePayment,
      certificate: pagePaths.verify,
    },
  });
  return workspacePageResult(
    200,
    workspacePage(frameOf(session), { zh: '機關工作區', en: 'Agency workspace' }, body, {
      current: '/agency',
      styles: DESK_STYLES,
    }),
  );
});
