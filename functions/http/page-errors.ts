/**
 * The one error contract of pages. A route that people reach from a browser says in its spec how
 * each error class reads as a page (`pageErrors({...})`): an unknown id (NotFoundError) → a 404
 * page naming what was looked for, or the route's own; a link used up or expired (GoneError) → its
 * 410 page; a refusal it can show (a form's, a link's) → that page with the error's status. Which
 * requests get a page rather than the api.md JSON body is decided here alone (`wantsPage`), by
 * content negotiation. Handlers thus only say what they answer when all goes well; routes opt in,
 * so only they bundle their error pages.
 */
import { AppError, GoneError, NotFoundError } from '#domain/errors';
import { notFoundPage, type NotFoundSubject } from '#templates/pages/not-found';
import type { PageLocale } from '#templates/language';
import { errorToResponse, type PageErrors } from './middleware/error-body.ts';
import { toResponse } from './to-response.ts';
import { requestLanguage } from './language.ts';
import { pageResult } from './page-result.ts';
import type { HttpEvent, HttpResponse } from './types.ts';

/**
 * Who gets pages: `browsers` (the default), those that ask for one (`Accept: text/html`, or a link
 * with `?format=html`); `everyone`, on a route that is a page; `forms`, on a route a page's form or
 * button posts to: every request but one that sends JSON.
 */
export type PageAudience = 'browsers' | 'everyone' | 'forms';

export function wantsPage(
  headers: HttpEvent['headers'],
  audience: PageAudience = 'browsers',
  format?: string,
): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'forms') return !(headers['content-type'] ?? '').includes('json');
  return format === 'html' || (format === undefined && (headers.accept ?? '').includes('text/html'));
}

/** What a page for an error is built from: the request, and the language it is read in. */
export interface ErrorPageRequest {
  event: HttpEvent;
  locale: PageLocale;
}

export interface PageContract {
  audience?: PageAudience;
  /**
   * NotFoundError → 404: the page naming this subject (and the id looked for), or the route's own
   * page (undefined: the JSON body after all).
   */
  notFound?: NotFoundSubject | ((error: NotFoundError, request: ErrorPageRequest) => string | undefined);
  /** On the page naming the subject: what it offers to look again (the verify box for a certificate). */
  retry?: Parameters<typeof notFoundPage>[3];
  /** GoneError → 410: the page saying the link is used up or expired. */
  gone?: (error: GoneError, request: ErrorPageRequest) => string | undefined;
  /**
   * Any other refusal (an AppError the two above do not take) the route shows as a page, with the
   * error's status: the form again with its messages, or undefined to leave it to the JSON body.
   */
  refused?: (error: AppError, request: ErrorPageRequest) => Promise<string | undefined> | string | undefined;
}

export function pageErrors(contract: PageContract): PageErrors {
  const pageOf = async (
    error: unknown,
    request: ErrorPageRequest,
    refusals: boolean,
  ): Promise<HttpResponse | undefined> => {
    if (!(error instanceof AppError)) return undefined;
    let markup: string | undefined;
    if (error instanceof NotFoundError && contract.notFound) {
      markup =
        typeof contract.notFound === 'function'
          ? contract.notFound(error, request)
          : notFoundPage(contract.notFound, error.id, request.locale, contract.retry);
    } else if (error instanceof GoneError && contract.gone) {
      markup = contract.gone(error, request);
    } else if (refusals && contract.refused) {
      markup = await contract.refused(error, request);
    }
    return markup === undefined ? undefined : toResponse(pageResult(error.statusCode, markup));
  };
  return async (error, event) => {
    const { headers, queryStringParameters } = event;
    if (!wantsPage(headers, contract.audience, queryStringParameters?.format)) return undefined;
    const request = { event, locale: requestLanguage(event) };
    try {
      return await pageOf(error, request, true);
    } catch (again) {
      // Building the form again looked the subject up once more and met an error of its own (the
      // ballot was used meanwhile): that error's page, or its JSON body, is the answer.
      return (
        (await pageOf(again, request, false)) ??
        errorToResponse(again, event.requestContext?.requestId ?? 'unknown')
      );
    }
  };
}
