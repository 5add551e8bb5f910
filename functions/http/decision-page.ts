/**
 * GET /consultations/{id}/decision: the advisory group's decision as a page (where the decision mail
 * and the closed ballot page link), the record PDF linked; before the decision, a page saying so.
 */
import { publicDecision } from '#usecases/public-decision';
import { pagePaths } from '#usecases/page-paths';
import { decisionPage } from '#templates/pages/decision';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { IdParam } from './path-params.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.proposal }),
  },
  async ({ params, locale }) => {
    const found = await loadPublicProposal(params.id);
    const { decision, title, id } = found.value;
    return pageResult(
      200,
      decisionPage(
        {
          proposal: { title },
          links: {
            proposal: pagePaths.consultation(id),
            ...(decision?.pdfKey ? { pdf: pagePaths.decisionPdf(id) } : {}),
          },
          ...(decision ? { decision: publicDecision(decision) } : {}),
        },
        locale,
      ),
    );
  },
);
