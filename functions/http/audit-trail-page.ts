/**
 * GET /consultations/{id}/events: the proposal's audit trail as a page (where the proposal page
 * links), the same public trail as GET /fee-proposals/{id}/events, which it links for machines.
 */
import { loadPublicTrail } from '#usecases/public-proposal';
import { pagePaths } from '#usecases/page-paths';
import { trailEntries } from '#usecases/trail-page-view';
import { auditTrailPage } from '#templates/pages/audit-trail';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { IdParam } from './path-params.ts';

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.proposal }),
  },
  async ({ params, locale }) => {
    const { proposal, events } = await loadPublicTrail(params.id);
    return pageResult(
      200,
      auditTrailPage(
        {
          title: proposal.title,
          links: { proposal: pagePaths.consultation(proposal.id), json: pagePaths.events(proposal.id) },
          entries: trailEntries(events),
        },
        locale,
      ),
    );
  },
);
