/**
 * GET /auth/callback?code=…&state=…: where the identity provider sends the browser back. The code
 * is redeemed with the attempt's PKCE verifier, the ID token's state and nonce are checked
 * (openid-client), its claims become the Principal as bearer tokens' do, and a session is stored;
 * the browser gets the session cookie and goes to the page it asked for (or its workspace).
 * Anything that does not check out is a page saying sign-in did not complete; no session is made.
 */
import * as z from '#domain/zod';
import { homeOf, safeReturnPath, SESSION_HOURS, sessionExpiry } from '#domain/session';
import type { WorkspaceSession } from '#domain/session';
import { currentClock } from '#ports/clock';
import { log } from '#ports/log';
import { randomToken, sessionStore } from '#ports/session-store';
import { callbackUrl, finishSignIn, type SignInAttempt } from '#ports/sign-in-provider';
import { mayUseWorkspace, workspacePrincipal } from '#usecases/workspace-principal';
import { notForYouPage, signInFailedPage } from '#templates/pages/sign-in';
import { httpGetHandler } from './handler.ts';
import { principalFromClaims } from './middleware/principal.ts';
import { clearCookie, readCookie, setCookie } from './session-cookies.ts';
import type { HttpResult } from './types.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.record(z.string(), z.string());

const Attempt = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
});

function attemptFrom(cookie: string | undefined): SignInAttempt | undefined {
  if (!cookie) return undefined;
  try {
    const parsed = Attempt.safeParse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const handler = httpGetHandler({ access: 'public', query: Query }, async (input) => {
  const { baseUrl } = input;
  const done = (result: HttpResult): HttpResult => ({
    ...result,
    cookies: [...(result.cookies ?? []), clearCookie('sign-in', baseUrl)],
  });
  const failed = (reason: string) => done(workspacePageResult(400, signInFailedPage(reason)));

  if (input.query.error !== undefined)
    return failed(`The identity provider answered: ${input.query.error_description ?? input.query.error}.`);
  const attempt = attemptFrom(readCookie(input.cookies, 'sign-in', baseUrl));
  if (!attempt) return failed('This sign-in was started too long ago, or in another browser. Start again.');

  let claims: Record<string, unknown>;
  // A real control flow, not an error page: an answer of the provider that does not verify is an
  // outcome of sign-in (logged, and the page says to start again), whatever the library throws.
  try {
    const url = new URL(callbackUrl(baseUrl));
    url.search = new URLSearchParams(input.query).toString();
    claims = await finishSignIn(url, attempt);
  } catch (error) {
    log.warn('sign-in callback refused', { error: error instanceof Error ? error.message : String(error) });
    return failed('The answer of the identity provider could not be verified. Start again.');
  }
  const claimed = principalFromClaims(claims);
  if (!claimed) return failed('The identity provider named nobody.');
  const principal = await workspacePrincipal(claimed);
  if (!mayUseWorkspace(principal))
    return done(
      workspacePageResult(
        403,
        notForYouPage('Your account is in neither the agency nor the operator group, or it was disabled.'),
      ),
    );

  const now = currentClock().now();
  const session: WorkspaceSession = {
    principal,
    displayName: String(claims.name ?? claims.email ?? principal.sub),
    csrfToken: randomToken(),
    signedInAt: now.toISOString(),
    expiresAt: sessionExpiry(now).toISOString(),
  };
  const id = await sessionStore.create(session);
  return done({
    status: 303,
    headers: { location: safeReturnPath(attempt.returnTo) ?? homeOf(principal) },
    cookies: [setCookie('session', id, SESSION_HOURS * 3600, baseUrl)],
  });
});
