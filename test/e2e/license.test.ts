// Someone asks for a license on the license page, confirms the address from the mailed link,
// downloads the certificate PDF, and opens the verify page the QR code leads to; a refused request
// keeps what was typed. A licensee of data on application is mailed the quote, the certificate and
// its revocation, and finds the license again from the "my licenses" link mailed to the address.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/runtime.ts';
import {
  confirmationSecrets,
  myLicensesSecrets,
  PAYMENT,
  publishSchedules,
  SHEET_AND_EXTRACT,
} from '../support/licenses.ts';
import { linksIn, mailsTo } from '../support/outbox.ts';
import { SEED } from '#local/seed';
import { screenshot } from './support/browser.ts';
import { browserRuntime } from './support/browser-runtime.ts';

const w = browserRuntime();

describe('a license for open data from the license page', () => {
  it('asks again, keeping what was typed, when no purpose is chosen', async () => {
    // Prepare
    await w.page.goto(`${w.runtime.url}/licenses/new?datasetId=${SEED.datasets.open}`);
    await screenshot(w.page, 'license-request');
    await w.page.getByLabel(/被授權人姓名/).fill('林小華');
    await w.page.getByLabel(/電子郵件/).fill('hua@example.tw');
    await w.page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
    // Act
    await w.page.getByRole('button', { name: /取得授權證明書/ }).click();
    // Assess
    await screenshot(w.page, 'license-request-refused');
    // The field's message from its schema's rule, in the page's language, beside it and in the summary.
    const message = await w.page.locator('#f-purpose-error').textContent();
    expect(message).toContain('請選擇「利用目的」。');
    expect(message).not.toContain('Purpose of use: choose one.');
    expect(await w.page.locator('.error-summary').textContent()).toContain('請選擇「利用目的」。');
    expect(await w.page.getByLabel(/被授權人姓名/).inputValue()).toBe('林小華');
    expect(await w.page.getByLabel(/電子郵件/).inputValue()).toBe('hua@example.tw');
  });

  it('asks to confirm the address, then ends on the certificate: its PDF downloads and the verify w.page says it is valid', async () => {
    // Prepare
    await w.page.goto(`${w.runtime.url}/licenses/new?datasetId=${SEED.datasets.open}`);
    await w.page.getByLabel(/被授權人姓名/).fill('林小華');
    await w.page.getByLabel(/機關團體或公司/).fill('臺灣地理資訊學會');
    await w.page.getByLabel(/電子郵件/).fill('hua@example.tw');
    await w.page.getByRole('radio', { name: /^商業利用/ }).check();
    // Act
    await w.page.getByRole('button', { name: /取得授權證明書/ }).click();
    expect(await w.page.locator('main').textContent()).toContain('請確認您的電子郵件地址');
    await screenshot(w.page, 'license-check-mail');
    const [secret] = await confirmationSecrets(w.runtime.url, 'hua@example.tw');
    await w.page.goto(`${w.runtime.url}/license-confirmations/${secret}`);
    await screenshot(w.page, 'license-confirm');
    expect(await w.page.locator('main').textContent()).toContain('林小華');
    await w.page.getByRole('button', { name: /確認/ }).click();
    const number = /OGDL-\d{4}-\d{6}/.exec((await w.page.locator('main').textContent()) ?? '')?.[0];
    await screenshot(w.page, 'license-issued');
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('link', { name: /下載授權證明書/ }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    // Assess
    expect(number).toBeDefined();
    // The form ended on the license's own page (a 303), so a reload requests nothing again.
    expect(new URL(w.page.url()).pathname).toMatch(/^\/licenses\/lic-/);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await w.page.locator('#attribution-zh').inputValue()).toContain('https://data.gov.tw/license');

    await w.page.getByRole('link', { name: /驗證頁面/ }).click();
    await screenshot(w.page, 'verify');
    const verdict = (await w.page.locator('main .notice').first().textContent()) ?? '';
    expect(verdict).toContain('有效');
    // In the browser's language (zh-TW) alone.
    expect(verdict).not.toContain('Valid');
    // The page reached from the certificate's link names the licensee; the number alone does not.
    expect(await w.page.locator('main').textContent()).toContain('林小華');
    const digest = createHash('sha256').update(pdf).digest('hex');
    const record = (await apiClient(w.runtime).get(`/certificates/${number}/verify?sha256=${digest}`)).body;
    expect(record).toMatchObject({ status: 'VALID', signatureValid: true, sha256Matches: true });
    expect(record.sha256).toBe(digest);
    const anyone = (await apiClient(w.runtime).get(`/certificates/${number}/verify`)).body;
    expect(anyone).toMatchObject({ status: 'VALID', licenseeShown: false });
    expect(anyone).not.toHaveProperty('licensee');
  });
});

describe('a licensee of data on application, kept informed by mail', () => {
  it('gets the quote, the certificate and its revocation by mail, and finds the license again from the “my licenses” link', async () => {
    // Prepare: a dataset under a schedule in force, with payment instructions.
    const api = apiClient(w.runtime);
    const nlsc = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    const effectiveFrom = new Date(w.runtime.clock.now().getTime() - 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await publishSchedules({ runtime: w.runtime, api, agencyToken: nlsc }, 'cadastral-mailed', [
      {
        proposalId: 'fp-cadastral-mailed',
        effectiveFrom,
        items: SHEET_AND_EXTRACT,
        paymentInstructions: PAYMENT,
      },
    ]);
    const email = 'mei@example.tw';

    // Act: the request and its confirmation, in the browser.
    await w.page.goto(`${w.runtime.url}/licenses/new?datasetId=cadastral-mailed`);
    await w.page.getByLabel(/被授權人姓名/).fill('張美玲');
    await w.page.getByLabel(/電子郵件/).fill(email);
    await w.page.getByRole('radio', { name: /^商業利用/ }).check();
    await w.page.locator('input[name="items.0.quantity"]').fill('3');
    await w.page.getByRole('button', { name: /送出申請並取得報價/ }).click();
    const [secret] = await confirmationSecrets(w.runtime.url, email);
    await w.page.goto(`${w.runtime.url}/license-confirmations/${secret}`);
    await w.page.getByRole('button', { name: /確認/ }).click();
    const licenseId = new URL(w.page.url()).pathname.split('/').at(-1)!;
    expect(await w.page.locator('main').textContent()).toContain('NT$60');
    // The agency confirms the payment, then revokes the certificate for breached conditions.
    const paid = await api.post(`/licenses/${licenseId}/payment`, { amountTwd: 60, reference: 'M-1' }, nlsc);
    expect(paid.status, paid.text).toBe(200);
    const number = paid.body.certificate.number as string;
    const revoked = await api.post(`/certificates/${number}/revoke`, { reason: 'CONDITIONS_BREACHED' }, nlsc);
    expect(revoked.status, revoked.text).toBe(200);

    // Assess: three mails after the confirmation link, each of whose links opens. The browser asked
    // for Traditional Chinese, so each (they follow the applicant's language) is in it alone.
    const subjects = (await mailsTo(w.runtime.url, email)).map((m) => m.subject ?? '');
    expect(subjects.slice(1)).toEqual([
      `授權申請報價 ${licenseId}`,
      `授權證明書已核發 ${number}`,
      `授權證明書狀態變更：已撤銷 ${number}`,
    ]);
    const certificateMail = (await mailsTo(w.runtime.url, email))[2]!;
    const pdfLink = linksIn(certificateMail).find((l) => l.includes(`/certificates/${number}?token=`));
    const pdf = await w.page.request.get(pdfLink!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // The license page no longer says the certificate is issued; its form mails the "my licenses" link.
    await w.page.goto(`${w.runtime.url}/licenses/${licenseId}`);
    const main = (await w.page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('授權證明書已核發');
    expect(main).toContain('授權證明書已撤銷');
    await screenshot(w.page, 'license-revoked');
    await w.page.getByLabel(/申請時所用的電子郵件/).fill(email);
    await w.page.getByRole('button', { name: /寄送我的授權連結/ }).click();
    expect(new URL(w.page.url()).pathname).toBe('/my-licenses/new');
    expect(await w.page.getByRole('status').textContent()).toContain('請查看您的電子郵件');
    const [mine] = await myLicensesSecrets(w.runtime.url, email);
    await w.page.goto(`${w.runtime.url}/my-licenses/${mine}`);
    await screenshot(w.page, 'my-licenses');
    expect(await w.page.locator('main').textContent()).toContain(number);
    await w.page.getByRole('link', { name: /地籍圖 cadastral-mailed/ }).click();
    expect(new URL(w.page.url()).pathname).toBe(`/licenses/${licenseId}`);
    expect(await w.page.locator('main').textContent()).toContain(number);
  });
});
