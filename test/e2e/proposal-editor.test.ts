// The proposal editor and the consultation desk in Chromium, signed in as the NLSC clerk: a draft
// with two fee items and cost lines added by buttons, a refusal shown by field in both languages,
// the preview, check your answers and submit; answering comments (a campaign group at once),
// extending the closing date; and a revision after the advisory group asked for changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { apiClient, startTestRuntime } from '#test/support/runtime';
import { MEMBERS, memberEmail, reviewFlow } from '#test/support/review-flow';
import { linksIn, mailsTo } from '#test/support/outbox';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';
import { signInInBrowser } from './support/workspace.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let proposalId = '';
/** Every workspace response the browser received: none may be JSON. */
const workspaceResponses: { url: string; type: string }[] = [];

beforeAll(async () => {
  runtime = await startTestRuntime();
  browser = await openBrowser();
  page = await browser.newPage();
  page.on('response', (r: Response) => {
    const url = new URL(r.url());
    // Redirects (a 303 after a form) carry no body; every other answer is a page.
    if (url.pathname.startsWith('/agency') && (r.status() < 300 || r.status() >= 400)) {
      workspaceResponses.push({ url: url.pathname, type: r.headers()['content-type'] ?? '' });
    }
  });
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

const fill = async (field: string, value: string) =>
  page.fill(`#f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`, value);
const select = async (field: string, value: string) =>
  page.selectOption(`#f-${field.replace(/[^A-Za-z0-9]+/g, '-')}`, value);
/** Presses a visible button (the off-screen default save, which Enter presses, is not one to click). */
const press = async (action: string) => {
  await Promise.all([
    page.waitForLoadState('load'),
    page.click(`button[name=action][value="${action}"]:not(.default-action)`),
  ]);
};
const text = async () => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

async function shots(name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${name} is wider than 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the proposal editor', () => {
  it('drafts a proposal with two fee items and their cost lines, rows added by buttons', async () => {
    // Prepare
    await signInInBrowser(page, runtime.url, 'nlsc-clerk', '/agency/proposals/new');

    // Act
    await fill('title.zh', '地籍圖資料收費基準');
    await page.check('#f-datasetIds-nlsc-cadastral-maps');
    await fill('justification.publicInterest', '客製化圖資之提供須人工處理。');
    await fill('justification.privacyAndTradeSecrets', '不含個人資料。');
    await fill('justification.costOfProduction', '人工檢核及格式轉換之成本。');
    await fill('justification.rightsHeld', '本中心擁有完整權利。');
    await fill('legalBasis', '規費法第10條');
    await fill('effectiveFrom', '2031-01-01');
    await fill('items.0.name.zh', '圖幅');
    await select('items.0.unit', 'PER_FILE');
    await fill('items.0.amountTwd', '1200');
    await select('items.0.costLines.0.category', 'PERSONNEL');
    await fill('items.0.costLines.0.description', '人工檢核');
    await fill('items.0.costLines.0.quantity', '1.5');
    await fill('items.0.costLines.0.unitCostTwd', '600');
    await press('add-line-0');
    await select('items.0.costLines.1.category', 'PROCESSING');
    await fill('items.0.costLines.1.description', '格式轉換');
    await fill('items.0.costLines.1.quantity', '1');
    // Left without a unit cost: the refusal below names it.
    await press('add-item');
    await fill('items.1.name.zh', '圖檔下載');
    await fill('items.1.name.en', 'Map download');
    await select('items.1.unit', 'PER_GB');
    await fill('items.1.amountTwd', '30');
    await select('items.1.costLines.0.category', 'DELIVERY');
    await fill('items.1.costLines.0.description', '頻寬');
    await fill('items.1.costLines.0.quantity', '1');
    await fill('items.1.costLines.0.unitCostTwd', '30');
    await fill('reductions.ACADEMIC', '50');

    // Assess: what was typed survives the rows added.
    expect(await page.inputValue('#f-items-0-costLines-0-description')).toBe('人工檢核');
    expect(await page.locator('fieldset.item-row').count()).toBe(2);
    expect(await page.locator('fieldset.line').count()).toBe(3);
  });

  it('refuses a save by field, in Traditional Chinese and English, with a summary linking to each field', async () => {
    // Act
    await press('save');

    // Assess
    const summary = page.locator('.error-summary');
    expect(await summary.count()).toBe(1);
    expect(await summary.locator('a[href="#f-items-0-costLines-1-unitCostTwd"]').count()).toBe(1);
    const error = page.locator('#f-items-0-costLines-1-unitCostTwd-error');
    expect(await error.textContent()).toContain('請填 0 以上的整數');
    expect(await error.textContent()).toContain('Give a whole number of New Taiwan dollars');
    expect(await page.getAttribute('#f-items-0-costLines-1-unitCostTwd', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-items-1-name-zh')).toBe('圖檔下載');
    await shots('workspace-editor-refused');
  });

  it('computes each item’s costs on the post, and refuses a charge above the marginal cost without an exception reason', async () => {
    // Act
    await fill('items.0.costLines.1.unitCostTwd', '400');
    await press('save');

    // Assess: 1.5 × 600 personnel (marginal) + 1 × 400 processing: documented 1,300, marginal 900.
    expect(new URL(page.url()).pathname).toBe('/agency/proposals/new');
    const body = await text();
    expect(body).toContain('文件化單位成本 NT$1,300 · 邊際單位成本 NT$900');
    expect(body).toContain('收費高於邊際成本，須填寫例外理由');
    const error = (await page.locator('#f-items-0-exceptionReason-error').textContent()) ?? '';
    expect(error).toContain('須敘明例外理由');
    expect(error).toContain('needs a reason');
  });

  it('refuses a way to pay without a payee, by field in both languages', async () => {
    // Act
    await fill('items.0.exceptionReason', '客製化圖幅須人工逐幅檢核。');
    await select('paymentInstructions.methods.0.method', 'BANK_TRANSFER');
    await fill('paymentInstructions.methods.0.details.zh', '臺灣銀行黎明分行 帳號 012-345-678');
    await fill(
      'paymentInstructions.methods.0.details.en',
      'Bank of Taiwan, Liming branch, account 012-345-678',
    );
    await press('save');

    // Assess
    expect(new URL(page.url()).pathname).toBe('/agency/proposals/new');
    expect(await page.locator('.error-summary a[href="#f-paymentInstructions-payee-zh"]').count()).toBe(1);
    const error = (await page.locator('#f-paymentInstructions-payee-zh-error').textContent()) ?? '';
    expect(error).toContain('請填寫中文受款人');
    expect(error).toContain('give the payee in Chinese');
    expect(await page.inputValue('#f-paymentInstructions-methods-0-details-zh')).toBe(
      '臺灣銀行黎明分行 帳號 012-345-678',
    );
  });

  it('saves the draft with the reason and the payee, then goes on to check the answers', async () => {
    // Act
    await fill('paymentInstructions.payee.zh', '內政部國土測繪中心');
    await press('save');

    // Assess
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/agency\/proposals\/fp-[a-z0-9]+\/edit$/);
    proposalId = url.pathname.split('/')[3]!;
    expect(await text()).toContain('已儲存');
    expect(await page.inputValue('#f-items-1-name-en')).toBe('Map download');
    expect(await page.inputValue('#f-paymentInstructions-payee-zh')).toBe('內政部國土測繪中心');
    // The way given, and one empty row more for another.
    expect(await page.inputValue('#f-paymentInstructions-methods-1-method')).toBe('');

    // Act
    await press('check');

    // Assess
    expect(new URL(page.url()).pathname).toBe(`/agency/proposals/${proposalId}/check`);
  });

  it('saves on Enter in a text field, leaving every row as it was', async () => {
    // Arrange: the draft's edit page, whose first row buttons remove cost lines and items.
    const edit = new URL(`/agency/proposals/${proposalId}/edit`, runtime.url).href;
    await page.goto(edit);
    expect(await page.locator('fieldset.item-row').count()).toBe(2);
    expect(await page.locator('fieldset.line').count()).toBe(3);

    // Act: a new description typed, then Enter.
    await fill('items.0.costLines.0.description', '人工逐幅檢核');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === edit),
      page.press('#f-items-0-costLines-0-description', 'Enter'),
    ]);
    await page.waitForLoadState('load');

    // Assess: saved (the notice after the 303), no row added or removed, the new text kept.
    expect(await text()).toContain('已儲存');
    expect(await page.locator('fieldset.item-row').count()).toBe(2);
    expect(await page.locator('fieldset.line').count()).toBe(3);
    expect(await page.inputValue('#f-items-0-costLines-0-description')).toBe('人工逐幅檢核');
    expect(await page.inputValue('#f-items-0-costLines-1-description')).toBe('格式轉換');

    // The next test starts from check your answers.
    await page.goto(new URL(`/agency/proposals/${proposalId}/check`, runtime.url).href);
  });

  it('checks the answers with a link to change each part, and previews the public page', async () => {
    // Assess
    const body = await text();
    expect(body).toContain('地籍圖資料收費基準');
    expect(await page.locator(`a[href="/agency/proposals/${proposalId}/edit#f-effectiveFrom"]`).count()).toBe(
      1,
    );
    // How to pay, as each quote will say it (the payee had no English: the Chinese alone).
    expect(body).toContain('受款人 Payee：內政部國土測繪中心');
    expect(body).toContain('銀行匯款：臺灣銀行黎明分行 帳號 012-345-678');
    expect(body).toContain('Bank transfer: Bank of Taiwan, Liming branch, account 012-345-678');
    await shots('workspace-check-answers');

    // Act
    await page.goto(new URL(`/agency/proposals/${proposalId}/preview`, runtime.url).href);

    // Assess: the public page in the reader's language, with no English where none was given.
    expect((await page.locator('h1').textContent())?.trim()).toBe('地籍圖資料收費基準');
    expect(await text()).toContain('預覽：本頁尚未公開');
    expect(await page.locator('#item-item-1').count()).toBe(1);
    expect(await page.locator('#comment-form').count()).toBe(0);
    const preview = await text();
    expect(preview).toContain('繳費方式');
    expect(preview).not.toContain('How to pay');
    expect(preview).toContain('受款人：內政部國土測繪中心');
    expect(preview).toContain('銀行匯款：臺灣銀行黎明分行 帳號 012-345-678');
    await shots('workspace-preview');
  });

  it('submits from the check page, and the proposal is in consultation', async () => {
    // Act
    await page.goto(new URL(`/agency/proposals/${proposalId}/check`, runtime.url).href);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action$="/check"] button[type=submit]'),
    ]);

    // Assess
    expect(new URL(page.url()).pathname).toBe(`/agency/proposals/${proposalId}`);
    expect(await text()).toContain('公開徵詢中');
    const api = apiClient(runtime);
    expect((await api.get(`/fee-proposals/${proposalId}`)).body.status).toBe('IN_CONSULTATION');
  });
});

describe('the consultation desk', () => {
  it('shows every comment with its item, tier and campaign group, and how many are answered', async () => {
    // Prepare: two copies of a campaign text and one other comment.
    const api = apiClient(runtime);
    const campaign = '反對收費，地籍圖應開放。';
    for (const body of [campaign, campaign, '下載費用過高。']) {
      const itemId = body === campaign ? undefined : 'item-2';
      expect(
        (
          await api.post(`/fee-proposals/${proposalId}/comments`, {
            body,
            ...(itemId ? { itemId } : {}),
            author: {},
          })
        ).status,
      ).toBe(201);
    }

    // Act
    await page.goto(new URL(`/agency/consultations/${proposalId}`, runtime.url).href);

    // Assess
    const body = await text();
    expect(body).toContain('0 of 3 answered');
    expect(body).toContain('campaign text ×2');
    expect(body).toContain('圖檔下載'); // the item commented on, by its name
    expect(body).toContain('未驗證');
    await shots('workspace-consultation-desk');
  });

  it('lists on the dashboard the comments waiting for an answer, leading to the desk, and the proposal', async () => {
    // Act
    await page.goto(new URL('/agency', runtime.url).href);

    // Assess: the two copies of the campaign text are two comments to answer, one to send.
    const own = page.locator('table.list tbody tr', { hasText: '地籍圖資料收費基準' });
    expect(await own.textContent()).toContain('公開徵詢中');
    expect(await own.getByRole('link').getAttribute('href')).toBe(`/agency/proposals/${proposalId}`);
    const waiting = page.locator('.agenda section', { hasText: '待回覆的意見' });
    expect(await waiting.textContent()).toContain('3 則待回覆');
    await shots('workspace-dashboard');

    // Act: its link leads back to the desk, where the next answers are given.
    await Promise.all([
      page.waitForURL(/\/agency\/consultations\//),
      waiting.getByRole('link').first().click(),
    ]);
    expect(new URL(page.url()).pathname).toBe(`/agency/consultations/${proposalId}`);
  });

  it('answers a campaign group with one answer', async () => {
    // Act
    await page.click('a.button:has-text("整組同文意見")');
    expect(await text()).toContain('all 2 copies');
    await page.check('#f-disposition');
    await page.fill('#f-reply', '地籍圖屬依申請提供資料，收費依成本計算。');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form button[type=submit]:has-text("儲存回覆")'),
    ]);

    // Assess
    expect(await text()).toContain('2 of 3 answered');
  });

  it('refuses an extension without a reason by field, then extends with one', async () => {
    // Act
    await page.fill('#f-closesDate', '2027-12-31');
    await page.fill('#f-closesTime', '17:00');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action$="/extend"] button[type=submit]'),
    ]);

    // Assess
    expect(await page.locator('#f-reason-error').textContent()).toContain('請填寫延長理由');

    // Act: a closing time a week after the current one, in Taipei time.
    const api = apiClient(runtime);
    const closesAt = (await api.get(`/fee-proposals/${proposalId}`)).body.consultation.closesAt as string;
    const later = new Date(Date.parse(closesAt) + 7 * 86_400_000 + 8 * 3_600_000).toISOString();
    await page.fill('#f-closesDate', later.slice(0, 10));
    await page.fill('#f-closesTime', '17:00');
    await page.fill('#f-reason', '應地方政府要求延長。');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action$="/extend"] button[type=submit]'),
    ]);

    // Assess
    expect(await text()).toContain('已延長截止時間');
    const extended = (await api.get(`/fee-proposals/${proposalId}`)).body.consultation;
    // 17:00 in Taipei is 09:00 UTC on the same day.
    expect(Date.parse(extended.closesAt)).toBe(Date.parse(`${later.slice(0, 10)}T09:00:00Z`));
    expect(extended.extensions[0].reason).toBe('應地方政府要求延長。');
  });
});

describe('a revision after changes were requested', () => {
  it('shows the members’ reasons, edits and resubmits through check your answers', async () => {
    // Prepare: the consultation closes, the last comment is answered, the group asks for changes.
    const flow = reviewFlow(runtime, '');
    await flow.advance('P70D');
    // Seventy days on the clock have ended the session as well: sign in again.
    await signInInBrowser(page, runtime.url, 'nlsc-clerk', `/agency/consultations/${proposalId}`);
    await page.click('a.button:not(.secondary)');
    await page.check('#f-disposition-NOT_ADOPTED');
    await page.fill('#f-reply', '下載費用依頻寬成本計算。');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form button[type=submit]:has-text("儲存回覆")'),
    ]);
    expect(await text()).toContain('3 of 3 answered');
    // The last answer released the workflow; moving the clock returns once it has settled (packet mailed).
    await flow.advance('PT1M');
    expect(await flow.status(proposalId)).toBe('UNDER_REVIEW');
    for (const member of MEMBERS.slice(0, 4)) {
      const mails = await mailsTo(runtime.url, memberEmail(member));
      const link = mails
        .filter((m) => (m.subject ?? '').includes('地籍圖資料收費基準'))
        .flatMap(linksIn)
        .find((l) => l.includes('/ballots/'));
      expect(link, member).toBeDefined();
      expect((await flow.vote(link!, 'REQUEST_CHANGES', '請補充英文名稱。')).status).toBe(200);
    }
    await flow.advance('PT1M'); // the decision is carried out by the workflow
    expect(await flow.status(proposalId)).toBe('CHANGES_REQUESTED');

    // Act
    await page.goto(new URL(`/agency/proposals/${proposalId}`, runtime.url).href);

    // Assess
    expect(await text()).toContain('請補充英文名稱。');

    // Act: an English title is not a change of the fee table, so it goes straight to a new vote.
    await page.click(`a[href="/agency/proposals/${proposalId}/edit"]`);
    await fill('title.en', 'Fee schedule for cadastral maps');
    await press('check');
    expect(await text()).toContain('直接交諮詢小組重新審議');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action$="/check"] button[type=submit]'),
    ]);

    // Assess
    expect(await flow.status(proposalId)).toBe('UNDER_REVIEW');
  });

  it('answered every workspace request with a page, never JSON', () => {
    expect(workspaceResponses.length).toBeGreaterThan(10);
    for (const r of workspaceResponses) expect(r.type, r.url).toMatch(/^text\/html/);
  });
});
