/**
 * The workspace's two cookies: the session id, and the sign-in attempt (state, nonce and PKCE
 * verifier between /sign-in and /auth/callback). Both HttpOnly, SameSite=Lax (the callback is a
 * top-level navigation back from the identity provider, which Lax lets through), Path=/.
 *
 * Names: served over TLS (always on AWS) they are `__Host-` cookies, Secure, so no subdomain and no
 * plain-http page can set or overwrite them. The local runtime serves plain http on 127.0.0.1, where
 * a browser refuses a `__Host-` cookie (the prefix requires Secure, and Secure requires https), so
 * there they go without the prefix and without Secure; loopback has no network in between to read them.
 */
import { parseCookie, stringifySetCookie } from 'cookie';

type CookieName = 'session' | 'sign-in';

const overTls = (baseUrl: string) => baseUrl.startsWith('https://');
const nameOf = (cookie: CookieName, baseUrl: string) => (overTls(baseUrl) ? `__Host-${cookie}` : cookie);

/** The cookie's value in the request (API Gateway v2 passes cookies apart from the headers). */
export function readCookie(
  cookies: string[] | undefined,
  cookie: CookieName,
  baseUrl: string,
): string | undefined {
  const name = nameOf(cookie, baseUrl);
  for (const pair of cookies ?? []) {
    const value = parseCookie(pair)[name];
    if (value) return value;
  }
  return undefined;
}

/** A Set-Cookie value; `maxAgeSeconds: 0` removes the cookie. */
export function setCookie(cookie: CookieName, value: string, maxAgeSeconds: number, baseUrl: string): string {
  return stringifySetCookie({
    name: nameOf(cookie, baseUrl),
    value: maxAgeSeconds === 0 ? '' : value,
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: overTls(baseUrl),
    maxAge: maxAgeSeconds,
  });
}

export const clearCookie = (cookie: CookieName, baseUrl: string) => setCookie(cookie, '', 0, baseUrl);
