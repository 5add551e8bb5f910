/**
 * The identity provider the workspace signs in with, through openid-client (a certified OpenID
 * Connect relying party): authorization-code flow with PKCE, state and nonce. On AWS it is the
 * Cognito user pool (issuer `https://cognito-idp.<region>.amazonaws.com/<pool>`, its managed login
 * domain found by discovery); locally the runtime's embedded OpenID provider (infra/local/oidc-provider.ts).
 * The same code runs against both; only OIDC_ISSUER and OIDC_CLIENT_ID differ.
 *
 * The client is public (no secret) and proves itself with PKCE: a secret would have to be kept in
 * Secrets Manager and read by every cold start, for no protection PKCE does not already give here.
 */
import * as oidc from 'openid-client';
import { ServiceUnavailableError } from '#domain/errors';
import { requireEnv } from './config.ts';

/** What /sign-in hands the browser to and what /auth/callback checks the answer against. */
export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

let discovered: { key: string; configuration: Promise<oidc.Configuration> } | undefined;

/**
 * Discovered once per process and provider (a local runtime restarted on another port is another
 * provider); a failed discovery is tried again by the next request. A provider that cannot be
 * reached is the service's dependency failing, so the browser is told to retry (503), not shown a
 * fault (500); the cause goes to the log with the request.
 */
function provider(): Promise<oidc.Configuration> {
  const issuer = requireEnv('OIDC_ISSUER');
  const clientId = requireEnv('OIDC_CLIENT_ID');
  const key = `${issuer} ${clientId}`;
  if (discovered?.key === key) return discovered.configuration;
  const url = new URL(issuer);
  // Plain http only for the local runtime's own provider on loopback; anything else must be https.
  const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname);
  const configuration = oidc
    .discovery(url, clientId, undefined, oidc.None(), {
      execute: loopback ? [oidc.allowInsecureRequests] : [],
    })
    .catch((error: unknown) => {
      if (discovered?.key === key) discovered = undefined;
      const unavailable = new ServiceUnavailableError(
        'The sign-in provider could not be reached; retry shortly.',
        'SIGN_IN_UNAVAILABLE',
      );
      unavailable.cause = error;
      throw unavailable;
    });
  discovered = { key, configuration };
  return configuration;
}

export const callbackUrl = (baseUrl: string) => `${baseUrl}/auth/callback`;

/** A new attempt and the provider's authorization URL for it (the provider always asks who signs in). */
export async function startSignIn(
  baseUrl: string,
  returnTo: string,
): Promise<{ attempt: SignInAttempt; url: string }> {
  const attempt: SignInAttempt = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    returnTo,
  };
  const url = oidc.buildAuthorizationUrl(await provider(), {
    redirect_uri: callbackUrl(baseUrl),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
    // A shared office computer: signing out of the workspace must mean the next person is asked.
    prompt: 'login',
  });
  return { attempt, url: url.href };
}

/**
 * Exchanges the callback's code for tokens and returns the ID token's verified claims; throws when
 * the answer is an error, the state or nonce do not match, or the code does not redeem.
 */
export async function finishSignIn(callback: URL, attempt: SignInAttempt): Promise<Record<string, unknown>> {
  const tokens = await oidc.authorizationCodeGrant(await provider(), callback, {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider answered without an ID token.');
  return claims as Record<string, unknown>;
}
