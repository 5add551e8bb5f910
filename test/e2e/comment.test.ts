// A member of the public finds the open consultation, comments through the form, sees the comment
// on the page, then the agency's reply; a refused comment keeps what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, startTestRuntime } from '../support/runtime.ts';
import { validProposal } from '../support/fixtures.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let api: ReturnType<typeof apiClient>;
let agency: string;
let proposalId: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const created = await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency);
  proposalId = created.body.id;
  expect((await api.post(`/fee-proposals/${proposalId}/submit`, {}, agency)).status).toBe(202);
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

describe('commenting on an open consultation', () => {
  it('leads from the home page to the proposal page with its fee table and comment form', async () => {
    // Act
    await page.goto(`${runtime.url}/`);
    await screenshot(page, 'home');
    await page
      .getByRole('link', { name: /數值地籍圖收費基準/ })
      .first()
      .click();
    // Assess
    expect(new URL(page.url()).pathname).toBe(`/consultations/${proposalId}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '數值地籍圖收費基準',
    );
    expect(await page.getByRole('table', { name: /收費項目一覽/ }).textContent()).toContain('NT$200');
    expect(await page.getByLabel(/意見內容/).count()).toBe(1);
  });

  it('keeps what was typed and points at the field when the comment is refused', async () => {
    // Prepare
    await page.goto(`${runtime.url}/consultations/${proposalId}`);
    await page.getByLabel(/姓名/).fill('王大明');
    await page.getByLabel(/電子郵件/).fill('not-an-address');
    await page.getByLabel(/意見內容/).fill('金額偏高。');
    // The browser would refuse the e-mail itself; let the server be the one to refuse it.
    await page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
    // Act
    await page.getByRole('button', { name: /送出意見/ }).click();
    // Assess
    await screenshot(page, 'proposal-comment-refused');
    const email = page.getByLabel(/電子郵件/);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.inputValue()).toBe('not-an-address');
    expect(await page.getByLabel(/意見內容/).inputValue()).toBe('金額偏高。');
    // The field's message from its schema's rule, in the page's language, beside it and in the summary.
    const message = await page.locator('#f-author-email-error').textContent();
    expect(message).toContain('「電子郵件」須為電子郵件地址。');
    expect(message).not.toContain('E-mail must be an e-mail address.');
    expect(await page.locator('.error-summary').textContent()).toContain('「電子郵件」須為電子郵件地址。');
    expect((await api.get(`/fee-proposals/${proposalId}/comments`)).body.items).toHaveLength(0);
  });

  it('records a comment sent through the form and shows it on the page, then with the agency’s reply', async () => {
    // Prepare
    await page.goto(`${runtime.url}/consultations/${proposalId}`);
    await page.getByLabel(/意見內容/).fill('建議學術用途減收比率提高至 80%。');
    await page.getByLabel(/針對項目/).selectOption('sheet');
    await page.getByLabel(/姓名/).fill('張小明');
    await page.getByLabel(/機關團體/).fill('臺灣開放資料協會');
    // Act
    await page.getByRole('button', { name: /送出意見/ }).click();
    // Assess
    expect(await page.getByRole('status').textContent()).toContain('已收到您的意見');
    const comments = (await api.get(`/fee-proposals/${proposalId}/comments`)).body.items;
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      body: '建議學術用途減收比率提高至 80%。',
      itemId: 'sheet',
      author: { name: '張小明', organization: '臺灣開放資料協會' },
    });
    expect(await page.locator(`#comment-${comments[0].id}`).textContent()).toContain('機關尚未回覆');

    const answered = await api.put(
      `/fee-proposals/${proposalId}/comments/${comments[0].id}/disposition`,
      { disposition: 'PARTLY_ADOPTED', reply: '學術用途減收 50%，施行一年後檢討。' },
      agency,
    );
    expect(answered.status).toBe(200);
    await page.reload();
    const shown = await page.locator(`#comment-${comments[0].id}`).textContent();
    expect(shown).toContain('部分採納');
    expect(shown).toContain('施行一年後檢討');
    await screenshot(page, 'proposal');
  });
});
