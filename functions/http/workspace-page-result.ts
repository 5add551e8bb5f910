/**
 * A workspace page as a handler's result: the pages' headers, except that the Referrer-Policy is
 * `same-origin`. Under `no-referrer` a browser sends `Origin: null` with every form post, even to its
 * own site, and the workspace's CSRF check (workspace-handler.ts) could not tell it from a foreign one.
 */
import { PAGE_HEADERS } from '#templates/pages/layout';
import type { HttpResult } from './types.ts';

export const WORKSPACE_PAGE_HEADERS = { ...PAGE_HEADERS, 'referrer-policy': 'same-origin' };

export const workspacePageResult = (status: number, markup: string): HttpResult => ({
  status,
  body: markup,
  contentType: WORKSPACE_PAGE_HEADERS['content-type'],
  headers: WORKSPACE_PAGE_HEADERS,
});
