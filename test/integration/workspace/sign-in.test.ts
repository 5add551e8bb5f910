// The workspace's sign-in, sessions and CSRF checks, through the embedded OpenID provider of the
// local runtime: the same /sign-in and /auth/callback code that runs against Cognito on AWS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { signInAs, workspaceClient } from '../../support/workspace.ts';
import type { LocalRuntime } from '#local/runtime';
import { SESSION_HOURS } from '#domain/session';

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => runtime?.close());

describe('signing in', () => {
  it('sends an unsigned browser from a workspace page to /sign-in with the page to return to', async () => {
    // Act
    const res = await workspaceClient(runtime.url).get('/agency?tab=1');

    // Assess
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/sign-in?return=${encodeURIComponent('/agency?tab=1')}`);
  });

  it('goes to the provider with the code flow, PKCE (S256), state and nonce, asking who signs in', async () => {
    // Act
    const res = await workspaceClient(runtime.url).get('/sign-in?return=/agency');

    // Assess
    expect(res.status).toBe(303);
    const url = new URL(res.location!);
    expect(url.origin + url.pathname).toBe(`${runtime.url}/oidc/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'workspace',
      redirect_uri: `${runtime.url}/auth/callback`,
      code_challenge_method: 'S256',
      prompt: 'login',
      scope: 'openid email profile',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(res.headers.getSetCookie().join('\n')).toMatch(
      /^sign-in=[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/m,
    );
  });

  it('lists the seeded people on the provider’s page, in Chinese first', async () => {
    // Prepare
    const client = workspaceClient(runtime.url);
    const start = await client.get('/sign-in');

    // Act: the provider's authorization endpoint sends the browser to its sign-in page.
    const auth = await client.get(start.location!);
    const signInPage = await client.get(auth.location!);

    // Assess
    expect(signInPage.status).toBe(200);
    expect(signInPage.text).toContain('本機登入');
    for (const name of ['林怡君', '陳建宏', '黃淑華']) expect(signInPage.text).toContain(`以 ${name} 登入`);
  });

  it('signs a clerk in as the principal of their claims and lands on the page asked for', async () => {
    // Act
    const { client, landedOn } = await signInAs(runtime.url, 'nlsc-clerk', '/agency?from=test');
    const page = await client.get('/agency');

    // Assess
    expect(landedOn).toBe('/agency?from=test');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('林怡君');
    expect(page.text).toContain('moi-nlsc');
    expect(page.text).toMatch(/<form method="post" action="\/sign-out"/);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, unprefixed on plain http', async () => {
    // Prepare: stop before the callback's answer is followed.
    const { client } = await signInAs(runtime.url, 'moi-clerk');

    // Assess
    expect(client.jar.has('session')).toBe(true);
    expect(client.jar.has('sign-in')).toBe(false);
  });

  it('lands an operator on the operator console, and refuses them the agency workspace with a page', async () => {
    // Act
    const { client, landedOn } = await signInAs(runtime.url, 'operator');
    const agency = await client.get('/agency');

    // Assess
    expect(landedOn).toBe('/operator');
    expect((await client.get('/operator')).status).toBe(200);
    expect(agency.status).toBe(403);
    expect(agency.headers.get('content-type')).toMatch(/^text\/html/);
    expect(agency.text).toContain('此頁面不開放給您的帳號');
  });

  it('signs someone else in, in the same browser, after a sign-out', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');
    await client.post('/sign-out', {});

    // Act
    const { landedOn } = await signInAs(runtime.url, 'operator', undefined, client);

    // Assess
    expect(landedOn).toBe('/operator');
    expect((await client.get('/operator')).text).toContain('黃淑華');
  });

  it('never returns to another site after sign-in', async () => {
    for (const target of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { landedOn } = await signInAs(runtime.url, 'nlsc-clerk', target);
      expect(landedOn, target).toBe('/agency');
    }
  });

  it('refuses a callback without its sign-in attempt, or with a forged code, with a page', async () => {
    // Prepare
    const client = workspaceClient(runtime.url);
    const start = await client.get('/sign-in');
    const state = new URL(start.location!).searchParams.get('state')!;

    // Act
    const forged = await client.get(`/auth/callback?code=forged&state=${state}`);
    const stranger = await workspaceClient(runtime.url).get(`/auth/callback?code=forged&state=${state}`);
    const denied = await workspaceClient(runtime.url).get('/auth/callback?error=access_denied');

    // Assess
    for (const res of [forged, stranger, denied]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain('登入未完成');
      expect(res.headers.getSetCookie().join('\n')).not.toMatch(/^session=/m);
    }
  });
});

describe('a session', () => {
  it('ends when its lifetime has passed, read with the service clock', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');
    expect((await client.get('/agency')).status).toBe(200);

    // Act
    runtime.clock.advanceBy(SESSION_HOURS * 3_600_000 + 60_000);
    const after = await client.get('/agency');

    // Assess
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/sign-in\?return=/);
  });

  it('ends at sign-out: the cookie is cleared and the same id no longer opens anything', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');
    const cookie = client.jar.header('/')!;

    // Act
    const out = await client.post('/sign-out', {});
    const replayed = await fetch(`${runtime.url}/agency`, { headers: { cookie }, redirect: 'manual' });

    // Assess
    expect(out.status).toBe(303);
    expect(out.location).toBe('/sign-out');
    expect(out.headers.getSetCookie().join('\n')).toMatch(/^session=; Max-Age=0/m);
    expect((await client.get('/sign-out')).text).toContain('您已登出工作區');
    expect(replayed.status).toBe(303);
  });

  it('is not taken from a bearer token: the workspace ignores Authorization', async () => {
    const token = await runtime.issuer.mint({ role: 'agency', agencyId: 'moi-nlsc' });
    const res = await fetch(`${runtime.url}/agency`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  });
});

describe('a workspace form post', () => {
  it('is refused with a page without the session’s CSRF token, and changes nothing', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');

    // Act
    const missing = await client.post('/sign-out', {}, { csrfToken: null });
    const wrong = await client.post('/sign-out', {}, { csrfToken: 'not-the-token' });

    // Assess
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain('無法受理此表單');
    }
    expect((await client.get('/agency')).status).toBe(200); // still signed in
  });

  it('is refused with a page from another origin or without an Origin, even with the token', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');

    // Act
    const foreign = await client.post('/sign-out', {}, { origin: 'https://evil.example' });
    const none = await client.post('/sign-out', {}, { origin: null });
    const opaque = await client.post('/sign-out', {}, { origin: 'null' });

    // Assess
    for (const res of [foreign, none, opaque]) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('無法受理此表單');
    }
    expect((await client.get('/agency')).status).toBe(200);
  });

  it('after the session ended is a page saying nothing was saved, not JSON', async () => {
    // Prepare
    const { client } = await signInAs(runtime.url, 'nlsc-clerk');
    const token = await client.csrfToken();
    await client.post('/sign-out', {});

    // Act
    const res = await client.post('/sign-out', {}, { csrfToken: token });

    // Assess
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('請重新登入');
  });
});
