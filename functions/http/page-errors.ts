/**
 * The error contract of page routes: a person asking for a page (a browser sends `Accept: text/html`)
 * who meets an unknown id gets an HTML 404 page in place of the JSON error body; JSON clients keep
 * the api.md body. Routes opt in through `pageErrors` in their spec, so only they bundle the page.
 */
import { NotFoundError } from '#domain/errors';
import { notFoundPage, type NotFoundSubject } from '#templates/pages/not-found';
import type { PageErrors } from './middleware/error-body.ts';
import { toResponse } from './to-response.ts';
import { requestLanguage } from './language.ts';
import { pageResult } from './page-result.ts';
import type { HttpEvent } from './types.ts';

/** A browser, or a link that asked for a page (`?format=html`). */
export const wantsPage = (headers: HttpEvent['headers'], format?: string): boolean =>
  format === 'html' || (format === undefined && (headers.accept ?? '').includes('text/html'));

/**
 * `always`: the route is a page (whatever the Accept header says); otherwise only requests that
 * want a page get one.
 */
export function pageErrors(
  subject: NotFoundSubject,
  options: { always?: boolean; retry?: Parameters<typeof notFoundPage>[3] } = {},
): PageErrors {
  return (error, event) => {
    if (!(error instanceof NotFoundError)) return undefined;
    if (!options.always && !wantsPage(event.headers, event.queryStringParameters?.format)) return undefined;
    return toResponse(
      pageResult(404, notFoundPage(subject, error.id, requestLanguage(event), options.retry)),
    );
  };
}
