// Signing in to the workspace in Chromium, from the local provider's page, then the frame, the
// CSRF refusals of a form posted from another origin or without its token, and signing out.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime } from '../support/runtime.ts';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';
import { signInInBrowser } from './support/workspace.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
/** Another origin (another port) serving a page whose form posts to the workspace. */
let foreign: Server;
let foreignUrl: string;
let foreignForm = '';

beforeAll(async () => {
  runtime = await startTestRuntime();
  foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(foreignForm);
  });
  await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
  const address = foreign.address();
  foreignUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => foreign?.close(done));
  await runtime?.close();
});

const frameName = () => page.locator('header .who strong').textContent();

describe('the workspace in a browser', () => {
  it('sends an unsigned visitor of /agency to the provider’s page, which lists the seeded people', async () => {
    // Act
    await page.goto(new URL('/agency', runtime.url).href);

    // Assess
    expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
    expect(await page.locator('h1').textContent()).toContain('本機登入');
    expect(await page.getByRole('button', { name: /登入/ }).count()).toBe(3);
    await screenshot(page, 'workspace-sign-in-provider');
  });

  it('signs the NLSC clerk in from that page and shows the frame: who, for which agency, the desks', async () => {
    // Act
    await signInInBrowser(page, runtime.url, 'nlsc-clerk', '/agency');

    // Assess
    expect(await frameName()).toBe('林怡君');
    expect(await page.locator('header .who').textContent()).toContain('moi-nlsc');
    const nav = await page.locator('nav.workspace a').allTextContents();
    expect(nav.map((t) => t.split(' ')[0])).toEqual(['概覽', '提案', '徵詢', '授權', '資料集']);
    // Every entry of the menu opens a page of the workspace.
    for (const href of await page
      .locator('nav.workspace a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      expect((await page.request.get(new URL(href, runtime.url).href)).status(), href).toBe(200);
    expect(await page.locator('nav.workspace a[aria-current=page]').textContent()).toContain('概覽');
    expect(await page.getByRole('button', { name: /登出/ }).isVisible()).toBe(true);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      await screenshot(page, `workspace-agency-${width}`);
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('refuses the sign-out form posted from another origin, with the session’s own token', async () => {
    // Prepare: a page elsewhere that knows the token (the worst case) and posts the form there.
    const token = await page.locator('form.sign-out input[name=csrfToken]').getAttribute('value');
    foreignForm = `<!doctype html><form method="post" action="${runtime.url}/sign-out">
      <input type="hidden" name="csrfToken" value="${token}"><button type="submit">Go</button></form>`;
    await page.goto(foreignUrl);

    // Act
    await Promise.all([
      page.waitForURL(`${runtime.url}/sign-out`),
      page.getByRole('button', { name: 'Go' }).click(),
    ]);

    // Assess
    expect(await page.locator('h1').textContent()).toContain('無法受理此表單');
    await screenshot(page, 'workspace-form-refused');
    await page.goto(new URL('/agency', runtime.url).href);
    expect(await frameName()).toBe('林怡君'); // still signed in
  });

  it('refuses the sign-out form without its token', async () => {
    // Prepare
    await page.locator('form.sign-out input[name=csrfToken]').evaluate((input) => input.remove());

    // Act
    await Promise.all([
      page.waitForURL(`${runtime.url}/sign-out`),
      page.getByRole('button', { name: /登出/ }).click(),
    ]);

    // Assess
    expect(await page.locator('h1').textContent()).toContain('無法受理此表單');
    await page.goto(new URL('/agency', runtime.url).href);
    expect(await frameName()).toBe('林怡君');
  });

  it('signs out with the button: the signed-out page, and /agency asks who signs in again', async () => {
    // Act
    await Promise.all([
      page.waitForURL(`${runtime.url}/sign-out`),
      page.getByRole('button', { name: /登出/ }).click(),
    ]);

    // Assess
    expect(await page.locator('h1').textContent()).toContain('已登出');
    await screenshot(page, 'workspace-signed-out');
    await page.goto(new URL('/agency', runtime.url).href);
    expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
  });

  it('signs an operator in to the operator console', async () => {
    await signInInBrowser(page, runtime.url, 'operator', '/operator');
    expect(await frameName()).toBe('黃淑華');
    expect(await page.locator('h1').textContent()).toContain('維運管理');
    await screenshot(page, 'workspace-operator');
  });
});
