import { ConflictError, NotFoundError } from '#domain/errors';
import { blobStore } from '#ports/adapters';
import { reportJsonKey } from '#usecases/consultation-report';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { DocumentQuery, storedPdf, wantsPdf } from './pdf-response.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

/** JSON by default; the PDF with `Accept: application/pdf` or `?format=pdf` (for links in mails). */
export const handler = httpHandler(
  { access: 'public', params: IdParam, query: DocumentQuery },
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
    // The report as published, not as the records read today.
    const stored = await (await blobStore()).get(reportJsonKey(params.id, published.round));
    if (!stored) throw new NotFoundError('Consultation report', params.id);
    const report = JSON.parse(stored.bytes.toString('utf8')) as object;
    return json(200, { ...report, publishedAt: published.publishedAt, pdfSha256: published.pdfSha256 });
  },
);
