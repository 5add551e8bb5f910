/**
 * POST /sign-out (the frame's button, a form with its CSRF token): ends the session (its item is
 * deleted, the cookie cleared) and sends the browser to the signed-out page. The next sign-in asks
 * who signs in again (sign-in-provider.ts sends `prompt=login`).
 */
import { sessionStore } from '#ports/session-store';
import { clearCookie, readCookie } from './session-cookies.ts';
import { workspaceHandler } from './workspace-handler.ts';

export const handler = workspaceHandler({ access: 'workspace' }, async ({ cookies, baseUrl }) => {
  const id = readCookie(cookies, 'session', baseUrl);
  if (id) await sessionStore.end(id);
  return { status: 303, headers: { location: '/sign-out' }, cookies: [clearCookie('session', baseUrl)] };
});
