/**
 * GET /datasets/{id}: JSON for clients (DCAT with `Accept: application/ld+json` or `?format=jsonld`;
 * data.gov.tw's metadata fields with `?format=data.gov.tw`),
 * the dataset's page for browsers (`Accept: text/html` or `?format=html`).
 */
import * as z from '#domain/zod';
import { datasetView } from '#usecases/dataset-view';
import { datasetDcat, datasetGovTwMetadata } from '#usecases/dataset-metadata';
import { agencyNameOf, readDataset } from '#usecases/read-registry';
import { licenseDatasetView } from '#usecases/license-request-view';
import { pagePaths } from '#usecases/page-paths';
import { datasetPage } from '#templates/pages/dataset';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { httpGetHandler } from './handler.ts';
import { pageErrors, wantsPage } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

const Query = z.object({ format: z.optional(z.enum(['json', 'jsonld', 'html', 'data.gov.tw'])) });

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    query: Query,
    pageErrors: pageErrors({ notFound: NOT_FOUND_SUBJECTS.dataset }),
  },
  async ({ params, query, headers, baseUrl, locale }) => {
    if (wantsPage(headers, 'browsers', query.format)) {
      const dataset = await licenseDatasetView(params.id);
      return pageResult(
        200,
        datasetPage(
          {
            dataset,
            links: {
              dcat: pagePaths.datasetDcat(dataset.id),
              feeSchedules: pagePaths.feeSchedules(dataset.id),
              follow: pagePaths.subscribeForm({ datasetId: dataset.id }),
              ...(dataset.classification === 'NOT_PROVIDED'
                ? {}
                : { licenseRequest: pagePaths.licenseRequest(dataset.id) }),
            },
          },
          locale,
        ),
      );
    }
    const dataset = await readDataset(params.id);
    if (query.format === 'data.gov.tw') {
      return json(200, datasetGovTwMetadata(dataset, await agencyNameOf(dataset.agencyId), baseUrl));
    }
    if (
      query.format === 'jsonld' ||
      (!query.format && (headers.accept ?? '').includes('application/ld+json'))
    ) {
      return {
        status: 200,
        body: JSON.stringify(datasetDcat(dataset, baseUrl)),
        contentType: 'application/ld+json; charset=utf-8',
      };
    }
    return json(200, datasetView(dataset));
  },
);
