import { ConflictError } from '#domain/errors';
import { readPublishedReport, ReportPageQuery } from '#usecases/consultation-report';
import * as z from '#domain/zod';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { DocumentQuery, storedPdf, wantsPdf } from './pdf-response.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

/**
 * JSON by default, one `?page=` of comments at a time (`page: {number, count}`), so no answer nears
 * the 6 MB a response may have; the PDF with `Accept: application/pdf` or `?format=pdf` (for links in mails).
 */
export const ReportQuery = z.extend(DocumentQuery, ReportPageQuery.shape);

export const handler = httpGetHandler(
  { access: 'public', params: IdParam, query: ReportQuery },
  async ({ params, query, headers }) => {
    const found = await loadPublicProposal(params.id);
    const published = found.value.consultationReport;
    if (!published) {
      throw new ConflictError(
        'REPORT_NOT_YET_PUBLISHED',
        'The consultation report is published once every comment has been answered.',
      );
    }
    if (wantsPdf(query.format, headers.accept)) {
      return storedPdf(published.pdfKey, `consultation-report-${params.id}-round-${published.round}.pdf`, {
        'x-content-sha256': published.pdfSha256,
      });
    }
    const report = await readPublishedReport(params.id, published.round, query.page);
    return json(200, { ...report, publishedAt: published.publishedAt, pdfSha256: published.pdfSha256 });
  },
);
