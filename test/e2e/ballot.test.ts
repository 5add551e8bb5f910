// An advisory member opens the ballot link from the mail (nothing is recorded), then votes with the
// form's button (the vote is recorded and the page says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime } from '../support/runtime.ts';
import { reviewFlow } from '../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let flow: ReturnType<typeof reviewFlow>;
let proposalId: string;

const votesCast = async () =>
  (await flow.api.get(`/fee-proposals/${proposalId}/events`)).body.items.filter(
    (e: { type: string }) => e.type === 'VOTE_CAST',
  ).length;

beforeAll(async () => {
  runtime = await startTestRuntime();
  flow = reviewFlow(runtime, await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate }));
  proposalId = await flow.proposalUnderReview();
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

describe('voting from the mailed link', () => {
  it('shows the ballot with the fee table and records nothing when the page is opened', async () => {
    // Act
    const response = await page.goto(await flow.ballotLink('scholar-1', proposalId));
    // Assess
    expect(response?.status()).toBe(200);
    await screenshot(page, 'ballot');
    expect(await page.getByRole('table', { name: /收費項目一覽/ }).textContent()).toContain('NT$200');
    expect(await page.getByRole('button', { name: /送出投票/ }).isVisible()).toBe(true);
    await page.reload();
    expect(await votesCast()).toBe(0);
  });

  it('records the vote when the member chooses and presses the button', async () => {
    // Prepare
    await page.goto(await flow.ballotLink('scholar-1', proposalId));
    await page.getByRole('radio', { name: /^請機關修正/ }).check();
    await page.getByRole('textbox', { name: /理由/ }).fill('請補充人工時數的計算方式。');
    // Act
    await page.getByRole('button', { name: /送出投票/ }).click();
    // Assess
    expect(await page.getByRole('status').textContent()).toContain('您的投票已記錄');
    await screenshot(page, 'ballot-recorded');
    expect(await votesCast()).toBe(1);
    const again = await page.goto(await flow.ballotLink('scholar-1', proposalId));
    expect(again?.status()).toBe(410);
    await screenshot(page, 'ballot-used');
  });
});
