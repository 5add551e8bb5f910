/**
 * GET /consultations/{id}/report: the consultation report as published, as a page (the PDF linked);
 * before publication, a page saying when it comes.
 */
import { readPublishedReport, ReportPageQuery } from '#usecases/consultation-report';
import { pagePaths } from '#usecases/page-paths';
import { consultationReportPage, type PublishedReportView } from '#templates/pages/consultation-report';
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
    query: ReportPageQuery,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.proposal }),
  },
  async ({ params, query, locale }) => {
    const found = await loadPublicProposal(params.id);
    const { id, title, consultationReport: published } = found.value;
    const links = { proposal: pagePaths.consultation(id) };
    if (!published) return pageResult(200, consultationReportPage({ title, links }, locale));
    // One page of comments at a time, so a page of ten thousand comments stays a readable page.
    const report = await readPublishedReport(id, published.round, query.page);
    const { number, count } = report.page;
    return pageResult(
      200,
      consultationReportPage(
        {
          title,
          links: {
            ...links,
            pdf: pagePaths.reportPdf(id),
            ...(number > 1 ? { previous: pagePaths.reportPage(id, number - 1) } : {}),
            ...(number < count ? { next: pagePaths.reportPage(id, number + 1) } : {}),
          },
          report: { ...report, publishedAt: published.publishedAt } satisfies PublishedReportView,
        },
        locale,
      ),
    );
  },
);
