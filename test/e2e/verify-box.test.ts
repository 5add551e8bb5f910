// A person with a certificate number but no QR code types it in the box on the home page and lands
// on its verify page; a number not known lands on a page that says so and offers the box again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, startTestRuntime } from '../support/runtime.ts';
import { requestAndConfirm } from '../support/licenses.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let number: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  const issued = await requestAndConfirm(apiClient(runtime), runtime.url, {
    datasetId: SEED.datasets.open,
    licensee: { name: '林小華', email: 'verify-box@example.tw' },
    purpose: 'ACADEMIC',
  });
  expect(issued.status, issued.text).toBe(200);
  number = issued.body.certificate.number as string;
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

it('verifies a certificate by the number typed on the home page, spaces and case aside', async () => {
  await page.goto(new URL('/', runtime.url).href);
  await page.getByLabel('授權證明書編號').fill(`  ${number.toLowerCase()} `);
  await page.getByRole('button', { name: '驗證' }).click();
  await screenshot(page, 'verify-box-found');
  expect(new URL(page.url()).pathname).toBe(`/certificates/${number}/verify`);
  expect(await page.locator('main').innerText()).toContain('數位簽章驗證通過');
});

it('says plainly that a number is not known, and offers the box again', async () => {
  await page.goto(new URL(`/certificates/${number}/verify`, runtime.url).href);
  await page.getByLabel(/授權證明書編號/).fill('OGDL-2099-999999');
  await page.getByRole('button', { name: /驗證/ }).click();
  await screenshot(page, 'verify-box-unknown');
  const text = await page.locator('main').innerText();
  expect(text).toContain('找不到授權證明書「OGDL-2099-999999」');
  expect(text).not.toMatch(/"error"|NOT_FOUND/);
  expect(await page.getByLabel('授權證明書編號').count()).toBe(1);
});
