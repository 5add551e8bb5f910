/**
 * An HTML page as a handler's result, with the pages' headers (strict CSP, no script). Its own
 * module so that a handler answering with a page bundles only this, not another route's handler.
 */
import { PAGE_HEADERS } from '#templates/pages/layout';
import type { HttpResult } from './types.ts';

export const pageResult = (status: number, markup: string): HttpResult => ({
  status,
  body: markup,
  contentType: PAGE_HEADERS['content-type'],
  headers: PAGE_HEADERS,
});
