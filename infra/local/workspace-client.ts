/**
 * Signs in to the workspace of a running local runtime as one of the seeded people, through the
 * real /sign-in → embedded provider → /auth/callback round trip, and then talks to the workspace
 * as that person's browser would: a cookie jar, the session's CSRF token in every form, this
 * site's Origin on every post. For integration tests (test/support/workspace.ts) and the demo.
 */
import { parseSetCookie } from 'cookie';
import type { SEED } from './seed.ts';

export type SeededPerson = (typeof SEED.people)[number]['sub'];

/** Cookies by name with their path, as a browser keeps them for one site. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      const expired =
        cookie.maxAge !== undefined
          ? cookie.maxAge <= 0
          : cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
      if (expired || !cookie.value) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, { value: cookie.value, path: cookie.path ?? '/' });
    }
  }

  header(path: string): string | undefined {
    const sent = [...this.cookies].filter(
      ([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    return sent.length ? sent.map(([name, c]) => `${name}=${c.value}`).join('; ') : undefined;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  value(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }
}

export interface WorkspaceResponse {
  status: number;
  headers: Headers;
  text: string;
  location?: string;
}

export interface WorkspaceClient {
  jar: CookieJar;
  /** A GET with the jar's cookies; redirects are not followed (their Location is in the answer). */
  get(path: string): Promise<WorkspaceResponse>;
  /**
   * A form post as the browser sends it from a workspace page: the session's CSRF token added (unless
   * `csrfToken: null`), this site's Origin (or `origin`, or none with `origin: null`).
   */
  post(
    path: string,
    form: Record<string, string>,
    options?: { csrfToken?: string | null; origin?: string | null },
  ): Promise<WorkspaceResponse>;
  /** The session's CSRF token, as the frame's sign-out form carries it. */
  csrfToken(): Promise<string>;
}

export function workspaceClient(baseUrl: string, jar = new CookieJar()): WorkspaceClient {
  async function send(method: string, url: string, body?: string, headers: Record<string, string> = {}) {
    const target = new URL(url, baseUrl);
    const cookie = jar.header(target.pathname);
    const response = await fetch(target, {
      method,
      body,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...headers },
    });
    jar.store(response);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get('location') ?? undefined,
    };
  }
  /** The token of the session it was read with: a new session has a new token. */
  let token: { session: string; value: string } | undefined;
  const client: WorkspaceClient = {
    jar,
    get: (path) => send('GET', path),
    async post(path, form, options = {}) {
      const csrf = options.csrfToken === undefined ? await client.csrfToken() : options.csrfToken;
      const fields = new URLSearchParams(form);
      if (csrf !== null) fields.set('csrfToken', csrf);
      const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
      return send('POST', path, fields.toString(), {
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin === null ? {} : { origin }),
      });
    },
    async csrfToken() {
      const session = jar.value(sessionCookieName(baseUrl));
      if (session && token?.session === session) return token.value;
      // Every workspace page's frame has the sign-out form; one of the two homes admits the person.
      for (const home of ['/agency', '/operator']) {
        const found = /name="csrfToken" value="([^"]+)"/.exec((await send('GET', home)).text)?.[1];
        if (found && session) token = { session, value: found };
        if (found) return found;
      }
      throw new Error('No workspace page with a form token: is anyone signed in?');
    },
  };
  return client;
}

/**
 * Signs in as a seeded person: /sign-in, the provider's page, the person's button, the callback.
 * Returns the client with the session cookie in its jar and the page the callback sent it to.
 */
export async function signInAs(
  baseUrl: string,
  person: SeededPerson,
  returnTo?: string,
  /** The same browser again (another person after a sign-out, …); a new one by default. */
  client = workspaceClient(baseUrl),
): Promise<{ client: WorkspaceClient; landedOn: string }> {
  let response = await client.get(`/sign-in${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`);
  for (let step = 0; step < 12; step += 1) {
    if (response.status === 303 || response.status === 302) {
      const next = new URL(response.location!, baseUrl);
      if (
        !next.pathname.startsWith('/oidc') &&
        !next.pathname.startsWith('/auth/callback') &&
        client.jar.has(sessionCookieName(baseUrl))
      )
        return { client, landedOn: next.pathname + next.search };
      response = await client.get(next.pathname + next.search);
      continue;
    }
    const action = new RegExp(
      `action="([^"]+/login)"[^>]*>\\s*<input type="hidden" name="person" value="${person}"`,
    ).exec(response.text)?.[1];
    if (response.status !== 200 || !action) break;
    response = await client.post(action, { person }, { csrfToken: null, origin: null });
  }
  throw new Error(`Signing in as ${person} stopped at ${response.status}: ${response.text.slice(0, 300)}`);
}

const sessionCookieName = (baseUrl: string) =>
  baseUrl.startsWith('https://') ? '__Host-session' : 'session';
