// The licenses desk in Chromium, signed in as the NLSC clerk: the request awaiting payment with its
// quote, licensee and date; a payment refused by its amount (shown at the field, in both languages),
// then confirmed, which issues the certificate; its revocation through the confirmation page, which
// says what becomes public, refused without a reason and then done. Screenshots at 1280 and 390 px.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '#test/support/runtime';
import { publishSchedules, requestAndConfirm, SHEET_AND_EXTRACT } from '#test/support/licenses';
import { licenseRepository } from '#ports/license-repository';
import { SEED } from '#local/seed';
import { browserRuntime } from './support/browser-runtime.ts';
import {
  shotsAtBothWidths,
  signInInBrowser,
  workspaceAnswers,
  type WorkspaceAnswer,
} from './support/workspace.ts';

const w = browserRuntime();
let licenseId = '';
/** Every workspace answer the browser received that has a body: none may be JSON. */
let workspaceResponses: WorkspaceAnswer[] = [];

beforeAll(async () => {
  const api = apiClient(w.runtime);
  const nlsc = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const effectiveFrom = new Date(w.runtime.clock.now().getTime() - 30 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await publishSchedules({ runtime: w.runtime, api, agencyToken: nlsc }, 'cadastral-desk', [
    { proposalId: 'fp-cadastral-desk', effectiveFrom, items: SHEET_AND_EXTRACT },
  ]);
  // Three sheets at NT$20 for commercial use: NT$60 to pay.
  const requested = await requestAndConfirm(api, w.runtime.url, {
    datasetId: 'cadastral-desk',
    licensee: { name: '張美玲', organization: '美玲測量事務所', email: 'desk-licensee@example.tw' },
    purpose: 'COMMERCIAL',
    items: [{ itemId: 'sheet', quantity: 3 }],
  });
  expect(requested.status, requested.text).toBe(200);
  expect(requested.body).toMatchObject({ status: 'AWAITING_PAYMENT', quote: { totalTwd: 60 } });
  licenseId = requested.body.id as string;
  workspaceResponses = workspaceAnswers(w.page);
});

const main = async () => ((await w.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

const shots = (name: string) => shotsAtBothWidths(w.page, name);

describe('the licenses desk', () => {
  let number = '';

  it('lists the request awaiting payment with its licensee, quote and date', async () => {
    await signInInBrowser(w.page, w.runtime.url, 'nlsc-clerk', '/agency/licensing');
    const request = w.page.locator(`#license-${licenseId}`);
    const text = ((await request.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('張美玲（美玲測量事務所）');
    expect(text).toContain('NT$60');
    expect(text).toContain('desk-licensee@example.tw');
    expect(text).toMatch(/申請時間 .*Requested .*\d{4}/);
    expect(await w.page.locator('nav.workspace a[aria-current=page]').textContent()).toContain('授權');
    await shots('licensing-desk');
  });

  it('refuses an amount other than the quote by its field, in both languages, and keeps what was typed', async () => {
    await w.page.locator(`#license-${licenseId} a`, { hasText: '確認繳費' }).click();
    await w.page.waitForURL(`${w.runtime.url}/agency/licensing/${licenseId}/payment`);
    await w.page.getByLabel(/收款金額/).fill('50');
    await w.page.getByLabel(/收據號碼/).fill('RCPT-0601');
    await Promise.all([
      w.page.waitForLoadState('load'),
      w.page.getByRole('button', { name: /確認收款/ }).click(),
    ]);

    const summary = w.page.locator('.error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.locator('a[href="#f-amountTwd"]').count()).toBe(1);
    const error = ((await w.page.locator('#f-amountTwd-error').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(error).toContain('須與報價之應繳金額 60 元相同。');
    expect(error).toContain('Must equal the quoted total, NT$ 60.');
    expect(await w.page.locator('#f-amountTwd').getAttribute('aria-invalid')).toBe('true');
    expect(await w.page.locator('#f-reference').inputValue()).toBe('RCPT-0601');
    expect(workspaceResponses.at(-1)).toMatchObject({ status: 422 });
    await shots('licensing-payment-refused');
    // Nothing was recorded: the request still awaits its payment.
    expect((await licenseRepository.get(licenseId))!.value.status).toBe('AWAITING_PAYMENT');
  });

  it('confirms the quoted amount, issuing the certificate, and says so on the desk', async () => {
    await w.page.getByLabel(/收款金額/).fill('60');
    await Promise.all([
      w.page.waitForURL(/\/agency\/licensing\?paid=/),
      w.page.getByRole('button', { name: /確認收款/ }).click(),
    ]);
    number = new URL(w.page.url()).searchParams.get('paid')!;
    expect(number).toMatch(/^APL-\d{4}-\d{6}$/);
    expect(await w.page.locator('[role=status]').textContent()).toContain(`已確認收款並核發證明書 ${number}`);
    expect(await w.page.locator(`#license-${licenseId}`).count()).toBe(0);
    expect(await main()).toContain(number);
    expect((await licenseRepository.get(licenseId))!.value).toMatchObject({
      status: 'ISSUED',
      certificate: { number },
    });
  });

  it('revokes through the confirmation page, which says what becomes public, refused first without a reason', async () => {
    await w.page.getByRole('link', { name: new RegExp(`撤銷.*${number}`) }).click();
    await w.page.waitForURL(`${w.runtime.url}/agency/licensing/certificates/${number}/revoke`);
    expect(await main()).toContain('What becomes public');
    // A grant on application can be withdrawn for breached conditions: the domain offers it.
    expect(await w.page.locator('input[name=reason][value=CONDITIONS_BREACHED]').count()).toBe(1);
    await shots('licensing-revoke');

    await Promise.all([
      w.page.waitForLoadState('load'),
      w.page.getByRole('button', { name: /確認撤銷/ }).click(),
    ]);
    expect(await w.page.locator('.error-summary a[href^="#f-reason"]').count()).toBe(1);
    expect(workspaceResponses.at(-1)).toMatchObject({ status: 400 });
    expect((await apiClient(w.runtime).get(`/certificates/${number}/verify`)).body.status).toBe('VALID');

    await w.page.locator('input[name=reason][value=CONDITIONS_BREACHED]').check();
    await w.page.locator('#f-note').fill('被授權人違反利用條件第 5 點。');
    await Promise.all([
      w.page.waitForURL(/\/agency\/licensing\?revoked=/),
      w.page.getByRole('button', { name: /確認撤銷/ }).click(),
    ]);
    expect(await w.page.locator('[role=status]').textContent()).toContain(`證明書 ${number} 已撤銷標示`);
    const verify = (await apiClient(w.runtime).get(`/certificates/${number}/verify`)).body;
    expect(verify).toMatchObject({
      status: 'REVOKED',
      revocation: { reason: 'CONDITIONS_BREACHED', note: '被授權人違反利用條件第 5 點。' },
    });

    // The certificate stays on the desk's list, marked revoked with the date and the reason category.
    const row = ((await w.page.locator(`#certificate-${number}`).textContent()) ?? '').replace(/\s+/g, ' ');
    expect(row).toContain('已撤銷');
    expect(row).toMatch(/\d{4}/);
    expect(row).toContain('違反授權條件');
    expect(row).toContain('the conditions of the grant were breached');
    expect(await w.page.getByRole('link', { name: new RegExp(`撤銷.*${number}`) }).count()).toBe(0);
    await shots('licensing-desk-revoked');
  });

  it('answered every workspace request with a page, never JSON', () => {
    expect(workspaceResponses.length).toBeGreaterThan(4);
    for (const r of workspaceResponses) expect(r.type, r.url).toMatch(/^text\/html/);
  });
});
