/**
 * GET /sign-in?return=/agency/…: starts signing in at the identity provider (Cognito's managed
 * login on AWS, the local runtime's provider locally). The attempt's state, nonce and PKCE verifier
 * ride in a short-lived HttpOnly cookie to /auth/callback, so an unsigned visitor writes nothing to
 * the table; the return path is kept only if it stays on this site.
 */
import * as z from '#domain/zod';
import { SIGN_IN_MINUTES, safeReturnPath } from '#domain/session';
import { startSignIn } from '#ports/sign-in-provider';
import { httpGetHandler } from './handler.ts';
import { setCookie } from './session-cookies.ts';

const Query = z.object({ return: z.optional(z.string()) });

export const handler = httpGetHandler({ access: 'public', query: Query }, async ({ query, baseUrl }) => {
  const { attempt, url } = await startSignIn(baseUrl, safeReturnPath(query.return) ?? '');
  const value = Buffer.from(JSON.stringify(attempt), 'utf8').toString('base64url');
  return {
    status: 303,
    headers: { location: url },
    cookies: [setCookie('sign-in', value, SIGN_IN_MINUTES * 60, baseUrl)],
  };
});
