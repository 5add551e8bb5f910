// Withdrawing a proposal in consultation from the workspace, in Chromium, signed in as the NLSC
// clerk: the proposal's page leads to the confirmation page (what withdrawing ends), which refuses
// a withdrawal without its reason by the field and then withdraws, the reason on the proposal's page,
// on its public page (when, in Taipei time, and why, in the reader's language) and on the public trail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, startTestRuntime } from '#test/support/runtime';
import { validProposal } from '#test/support/fixtures';
import { SEED } from '#local/seed';
import { taipeiMoment } from '#templates/taipei-time';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, type TestBrowser } from './support/browser.ts';
import { shotsAtBothWidths, signInInBrowser } from './support/workspace.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let id = '';

beforeAll(async () => {
  runtime = await startTestRuntime();
  const api = apiClient(runtime);
  const nlsc = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), nlsc)).body
    .id as string;
  expect((await api.post(`/fee-proposals/${id}/submit`, {}, nlsc)).status).toBe(202);
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

const shots = (name: string) => shotsAtBothWidths(page, name);

it('withdraws a proposal in consultation through its confirmation page, refused first without a reason', async () => {
  // Prepare
  await signInInBrowser(page, runtime.url, 'nlsc-clerk', `/agency/proposals/${id}`);

  // Act: to the confirmation page, and an empty reason.
  await page.getByRole('link', { name: /撤回提案/ }).click();
  await page.waitForURL(`${runtime.url}/agency/proposals/${id}/withdraw`);
  expect(await page.locator('main').textContent()).toContain('Withdrawing cannot be undone');
  await shots('withdraw-confirm');
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: /確認撤回/ }).click(),
  ]);
  await page.waitForLoadState('load');

  // Assert: refused by its field, nothing changed.
  expect(refused.status()).toBe(400);
  expect(refused.headers()['content-type']).toMatch(/^text\/html/);
  expect(await page.locator('.error-summary a[href="#f-reason"]').count()).toBe(1);
  expect(await page.locator('#f-reason').getAttribute('aria-invalid')).toBe('true');
  expect((await apiClient(runtime).get(`/fee-proposals/${id}`)).body.status).toBe('IN_CONSULTATION');

  // Act: with the reason.
  await page.locator('#f-reason').fill('收費項目將併入新年度之收費基準重新提出。');
  await Promise.all([
    page.waitForURL(`${runtime.url}/agency/proposals/${id}?done=withdrawn`),
    page.getByRole('button', { name: /確認撤回/ }).click(),
  ]);

  // Assert: withdrawn, said so, no way to withdraw again, the reason on the public trail.
  expect(await page.locator('[role=status]').textContent()).toContain('已撤回本提案。');
  expect(await page.getByRole('link', { name: /撤回提案/ }).count()).toBe(0);
  await shots('withdrawn');

  // The proposal's page, opened again later, says why it was withdrawn.
  await page.goto(new URL(`/agency/proposals/${id}`, runtime.url).href);
  const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
  expect(main).toContain('撤回理由 Why it was withdrawn');
  expect(main).toContain('收費項目將併入新年度之收費基準重新提出。');
  expect((await apiClient(runtime).get(`/fee-proposals/${id}`)).body.status).toBe('WITHDRAWN');
  const events = (await apiClient(runtime).get(`/fee-proposals/${id}/events`)).body.items as {
    type: string;
    at: string;
    detail?: { reason?: string };
  }[];
  expect(events.find((e) => e.type === 'WITHDRAWN')?.detail?.reason).toBe(
    '收費項目將併入新年度之收費基準重新提出。',
  );

  // The public trail's page says it in words, with the reason.
  await page.goto(new URL(`/consultations/${id}/events`, runtime.url).href);
  const trail = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
  expect(trail).toContain('機關撤回提案');
  expect(trail).toContain('理由：收費項目將併入新年度之收費基準重新提出。');
  await shots('withdrawn-trail');

  // The public page says it was withdrawn, when and why, in Chinese and in English.
  const at = taipeiMoment(events.find((e) => e.type === 'WITHDRAWN')!.at);
  await page.goto(new URL(`/consultations/${id}`, runtime.url).href);
  const zh = ((await page.locator('main [role=note]').textContent()) ?? '').replace(/\s+/g, ' ');
  await shots('withdrawn-public');
  await page.goto(new URL(`/consultations/${id}?lang=en`, runtime.url).href);
  const en = ((await page.locator('main [role=note]').textContent()) ?? '').replace(/\s+/g, ' ');
  await shots('withdrawn-public-en');
  expect(zh).toContain(`提案機關已於${at.zh}撤回本提案。`);
  expect(zh).toContain('撤回理由：收費項目將併入新年度之收費基準重新提出。');
  expect(en).toContain(`The agency withdrew this proposal on ${at.en}.`);
  expect(en).toContain('Reason given: 收費項目將併入新年度之收費基準重新提出。');
});
