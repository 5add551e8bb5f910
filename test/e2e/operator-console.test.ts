// The operator console in Chromium: an operator registers an agency under its official code,
// first refused by its fields (summary and message by the field), then accepted into the tree;
// records an account; the console at 390 px and 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime } from '../support/runtime.ts';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';
import { signInInBrowser } from './support/workspace.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  runtime = await startTestRuntime();
  browser = await openBrowser();
  page = await browser.newPage();
  await signInInBrowser(page, runtime.url, 'operator', '/operator');
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

const agencyForm = () => page.locator('form[action="/operator/agencies"]');

describe('the operator console in a browser', () => {
  it('refuses an agency without its Chinese name by that field, then registers it under its official code', async () => {
    // Act: the Chinese name left empty.
    await agencyForm()
      .getByLabel(/^機關代碼/)
      .fill('301000000A');
    await agencyForm()
      .getByLabel(/^英文名稱/)
      .fill('Department of Land Administration');
    await agencyForm()
      .getByLabel(/^上級機關/)
      .selectOption('moi');
    await Promise.all([
      page.waitForURL(`${runtime.url}/operator/agencies`),
      agencyForm().getByRole('button').click(),
    ]);

    // Assess
    const summary = agencyForm().locator('.error-summary');
    expect(await summary.textContent()).toContain('請修正以下欄位');
    expect(await agencyForm().locator('#f-agency-name-zh').getAttribute('aria-invalid')).toBe('true');
    expect(await agencyForm().locator('#f-agency-id').inputValue()).toBe('301000000A');
    await screenshot(page, 'operator-console-refused');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('f-agency-name-zh');

    // Act: filled in, sent again.
    await agencyForm().locator('#f-agency-name-zh').fill('內政部地政司');
    await Promise.all([page.waitForURL(/\/operator\?done=agency/), agencyForm().getByRole('button').click()]);

    // Assess
    expect(await page.locator('.notice.ok').textContent()).toContain('機關已登錄');
    expect(await page.locator('#agencies + ul.tree').textContent()).toContain('301000000A');
  });

  it('records an account acting for the new agency', async () => {
    const form = page.locator('form[action="/operator/accounts"]');
    await form.getByLabel(/^登入識別碼/).fill('dla-clerk');
    await form.getByLabel(/^姓名/).fill('張地政');
    await form.getByLabel(/^電子郵件/).fill('clerk@dla.example.tw');
    await form.getByLabel(/^角色/).selectOption('agency');
    await form.getByLabel(/^代表機關/).selectOption('301000000A');
    await Promise.all([page.waitForURL(/\/operator\?done=account/), form.getByRole('button').click()]);
    expect(await page.locator('#accounts ~ .scroll table').textContent()).toContain('張地政');
  });

  it('lays the console out at 390 px and 1280 px without horizontal overflow', async () => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(new URL('/operator', runtime.url).href);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      await screenshot(page, `operator-console-${width}`);
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
