/**
 * POST /licenses. OPEN data: 201 with the certificate. Data on application: 202 with the quote.
 * From the license request page's form, the same statuses answer with a page: the certificate to
 * download with its attribution statement, or the quote and what happens next.
 */
import * as z from 'zod';
import { LicenseRequestSchema } from '#domain/license';
import { licenseView } from '#usecases/license-view';
import { pagePaths } from '#usecases/page-paths';
import { certificateLinks } from '#usecases/certificate-record';
import { requestLicense } from '#usecases/request-license';
import { LICENSE_FORM_FIELDS, licenseIssuedPage, licenseQuotedPage } from '#templates/pages/license';
import { notFoundPage } from '#templates/pages/not-found';
import { jsonOrForm } from './forms.ts';
import { httpHandler } from './handler.ts';
import { licenseRequestPageResult } from './license-request-page.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  // The body is read as JSON or as the form by jsonOrForm, with LicenseRequestSchema either way.
  { access: 'public', body: z.unknown() },
  async ({ body, headers }) =>
    jsonOrForm(
      { headers, body },
      {
        schema: LicenseRequestSchema,
        fields: LICENSE_FORM_FIELDS,
        run: requestLicense,
        json: ({ license, certificate, reused }) =>
          json(certificate ? 201 : 202, licenseView(license, certificate, reused)),
        page: ({ license, certificate, reused }) => {
          const dataset = {
            title: license.dataset.title,
            version: license.dataset.version,
            agencyName: license.dataset.agencyName,
          };
          if (certificate) {
            const { claims } = certificate;
            return pageResult(
              201,
              licenseIssuedPage({
                number: certificate.number,
                pdfUrl: certificateLinks.pdf(certificate.number),
                verifyUrl: claims.verifyUrl,
                issuedAt: claims.issuedAt,
                licensee: claims.licensee,
                dataset,
                attribution: { zh: claims.attribution.zh.join('\n'), en: claims.attribution.en.join('\n') },
                reused,
              }),
            );
          }
          const { schedule, ...quote } = license.quote!;
          return pageResult(
            202,
            licenseQuotedPage({
              licenseId: license.id,
              requestedAt: license.requestedAt,
              dataset,
              quote: {
                ...quote,
                ...(schedule
                  ? { schedule: { title: schedule.title, url: pagePaths.consultation(schedule.proposalId) } }
                  : {}),
              },
              reused,
            }),
          );
        },
        refused: (problem, values) =>
          values.datasetId
            ? licenseRequestPageResult(values.datasetId, problem.status, { values, problem })
            : pageResult(problem.status, notFoundPage({ zh: '資料集', en: 'Dataset' }, '')),
      },
    ),
);
