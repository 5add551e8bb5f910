/**
 * GET /licenses/{id}: the page a license request from the form ends on, and stays on: the quote
 * while payment is awaited, the certificate (PDF, verify page, attribution statement) once issued.
 */
import * as z from '#domain/zod';
import { licensePageView } from '#usecases/license-page-view';
import { licenseIssuedPage, licenseQuotedPage } from '#templates/pages/license';
import { NOT_FOUND_SUBJECTS } from '#templates/pages/not-found';
import { licensePendingPage } from '#templates/pages/license-confirmation';
import { pagePaths } from '#usecases/page-paths';
import { seeOther } from './forms.ts';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { pageErrors } from './page-errors.ts';
import { pageResult } from './page-result.ts';

/** `again=1`: the licensee asked once more and holds this grant already. */
const Query = z.object({ again: z.droppedIfInvalid(z.literal('1')) });

export const handler = httpGetHandler(
  {
    access: 'public',
    params: IdParam,
    query: Query,
    pageErrors: pageErrors({ audience: 'everyone', notFound: NOT_FOUND_SUBJECTS.license }),
  },
  async ({ params, query, locale }) => {
    const reused = query.again === '1';
    const page = await licensePageView(params.id);
    switch (page.kind) {
      case 'ISSUED':
        return pageResult(200, licenseIssuedPage({ ...page.view, reused }, locale));
      case 'QUOTED':
        return pageResult(200, licenseQuotedPage({ ...page.view, reused }, locale));
      case 'AWAITING_EMAIL_CONFIRMATION':
        return pageResult(page.view.expired ? 410 : 200, licensePendingPage(page.view, locale));
      case 'ALREADY_HELD':
        return seeOther(`${pagePaths.license(page.heldBy)}?again=1`);
    }
  },
);
