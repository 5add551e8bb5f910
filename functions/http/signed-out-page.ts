/** GET /sign-out: the page after signing out, with a link to sign in again. Changes nothing. */
import { signedOutPage } from '#templates/pages/sign-in';
import { httpGetHandler } from './handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = httpGetHandler({ access: 'public' }, async () =>
  workspacePageResult(200, signedOutPage()),
);
