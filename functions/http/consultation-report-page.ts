/**
 * GET /consultations/{id}/report: the consultation report as published, as a page (the PDF linked);
 * before publication, a page saying when it comes.
 */
import { NotFoundError } from '#domain/errors';
import { blobStore } from '#ports/adapters';
import { reportJsonKey } from '#usecases/consultation-report';
import { pagePaths } from '#usecases/page-paths';
import { consultationReportPage, type PublishedReportView } from '#templates/pages/consultation-report';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpHandler } from './handler.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { IdParam } from './path-params.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

export const handler = httpHandler(
  {
    access: 'public',
    params: IdParam,
    pageErrors: pageErrors(NOT_FOUND_SUBJECTS.proposal, { always: true }),
  },
  async ({ params }) => {
    const found = await loadPublicProposal(params.id);
    const { id, title, consultationReport: published } = found.value;
    const links = { proposal: pagePaths.consultation(id) };
    if (!published) return pageResult(200, consultationReportPage({ title, links }));
    // The report as published, not as the records read today.
    const stored = await (await blobStore()).get(reportJsonKey(id, published.round));
    if (!stored) throw new NotFoundError('Consultation report', id);
    const report = JSON.parse(stored.bytes.toString('utf8')) as Omit<PublishedReportView, 'publishedAt'>;
    return pageResult(
      200,
      consultationReportPage({
        title,
        links: { ...links, pdf: pagePaths.reportPdf(id) },
        report: { ...report, publishedAt: published.publishedAt },
      }),
    );
  },
);
