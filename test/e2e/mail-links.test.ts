// Every link of every mail of a full review leads to a page a person can read: a proposal is
// commented on (with an e-mail to confirm), extended, closed, answered, reported, voted on from the
// mailed ballots after a reminder, and decided; then Chromium opens each link found in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestRuntime } from '../support/runtime.ts';
import { MEMBERS, memberEmail, reviewFlow } from '../support/review-flow.ts';
import { validProposal } from '../support/fixtures.ts';
import { linksIn, mailsTo, outbox, readMail } from '../support/outbox.ts';
import { requestAndConfirm } from '../support/licenses.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
let flow: ReturnType<typeof reviewFlow>;
let agency: string;
let id: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

/** Opens a link as a person would and says what came back. */
async function open(link: string) {
  const response = await page.goto(link);
  return {
    status: response?.status() ?? 0,
    type: (await response?.headerValue('content-type')) ?? '',
    heading:
      (await page
        .locator('h1')
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => null)) ?? '',
  };
}

describe('a full review, followed from the mails', () => {
  it('runs from submission to decision, mailing a notice, a confirmation, packets, reminders and the outcome, then a licensee’s confirmation', async () => {
    const { api, advance } = flow;
    id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body.id;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle();
    const comment = await api.post(`/fee-proposals/${id}/comments`, {
      body: '每幅 200 元偏高。',
      itemId: 'sheet',
      author: { name: '王小明', email: 'ming@example.org' },
    });
    expect(comment.status).toBe(201);
    const closesAt = (await api.get(`/fee-proposals/${id}`)).body.consultation.closesAt;
    const later = new Date(Date.parse(closesAt) + 86_400_000).toISOString();
    expect(
      (
        await api.post(
          `/fee-proposals/${id}/consultation/extend`,
          { closesAt: later, reason: '說明會' },
          agency,
        )
      ).status,
    ).toBe(200);
    await advance('P62D');
    expect(
      (
        await api.put(
          `/fee-proposals/${id}/comments/${comment.body.id}/disposition`,
          { disposition: 'PARTLY_ADOPTED', reply: '將補充成本說明。' },
          agency,
        )
      ).status,
    ).toBe(200);
    await advance('PT1S');
    expect(await flow.status(id)).toBe('UNDER_REVIEW');

    // Before the decision, the decision page says it is not decided yet.
    const pending = await open(`${runtime.url}/consultations/${id}/decision`);
    expect(pending).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    expect(await page.getByRole('status').textContent()).toContain('尚未對本提案作成決議');
    await screenshot(page, 'decision-pending');

    // The reminder goes out two days before the deadline.
    const deadline = (await api.get(`/fee-proposals/${id}`)).body.review.deadline as string;
    const reminder = new Date(Date.parse(deadline) - 2 * 86_400_000 + 60_000).toISOString();
    expect((await api.post('/_local/clock', { set: reminder })).status).toBe(200);
    // Four approvals of seven make the outcome certain, which closes the vote.
    for (const member of MEMBERS.slice(0, 4)) {
      // The newest link mailed (the reminder's; it retired the packet's).
      const ballot = (await mailsTo(runtime.url, memberEmail(member)))
        .flatMap(linksIn)
        .filter((l) => l.includes('/ballots/'))
        .at(-1);
      expect((await flow.vote(ballot!, 'APPROVE')).status).toBe(200);
    }
    await advance('PT1S');
    expect(await flow.status(id)).toBe('APPROVED');

    // A licensee asks for a license: the mail to confirm the address is followed below with the others.
    const license = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: { name: '林小華', email: 'hua@example.tw' },
      purpose: 'COMMERCIAL',
    });
    expect(license.status).toBe(202);
    // Another licensee confirms: the certificate is mailed; the agency marks it, which is mailed
    // too; and the licensee asks for the link to their licenses.
    const other = await requestAndConfirm(api, runtime.url, {
      datasetId: SEED.datasets.open,
      licensee: { name: '張美玲', email: 'mei@example.tw' },
      purpose: 'ACADEMIC',
    });
    expect(other.status, other.text).toBe(200);
    const moi = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.ministry });
    const number = other.body.certificate.number as string;
    expect(
      (await api.post(`/certificates/${number}/revoke`, { reason: 'ISSUED_IN_ERROR' }, moi)).status,
    ).toBe(200);
    expect((await api.post('/my-licenses', { email: 'mei@example.tw' })).status).toBe(202);
  });

  it('leads from every link of every mail to an HTML page', async () => {
    const entries = await outbox(runtime.url);
    const mails = await Promise.all(entries.map((e) => readMail(runtime.url, e.id)));
    const subjects = mails.map((m) => m.subject ?? '');
    for (const kind of [
      '公開徵詢：',
      '請確認',
      '公開徵詢延長',
      '公開徵詢已截止',
      '結果報告已公布',
      '審議資料',
      '審議結果',
      '請確認您的資料授權申請',
      '授權證明書已核發',
      '授權證明書狀態變更',
      '您的資料授權',
    ]) {
      expect(
        subjects.some((s) => s.includes(kind)),
        kind,
      ).toBe(true);
    }
    expect(
      subjects.some((s) => /提醒|Reminder/i.test(s)),
      'a reminder',
    ).toBe(true);
    // The service's own links (the attribution statement also names the license's site, data.gov.tw).
    const links = [...new Set(mails.flatMap(linksIn))].filter((l) => l.startsWith(runtime.url));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      // The certificate mail links the PDF itself beside the license's page.
      if (/\/certificates\/[^/?]+\?token=/.test(link)) {
        expect((await page.request.get(link)).headers()['content-type'], link).toBe('application/pdf');
        continue;
      }
      const reached = await open(link);
      expect(reached.type, link).toContain('text/html');
      // A used or retired ballot link answers 410 with its page; everything else is there.
      expect([200, 410], link).toContain(reached.status);
      expect(reached.heading, link).not.toBe('');
    }
    for (const path of ['', '/report', '/decision']) {
      expect(links).toContain(`${runtime.url}/consultations/${id}${path}`);
    }
    // The licensee's link was among them: it opens the page that shows what would be issued.
    const confirmation = (await mailsTo(runtime.url, 'hua@example.tw'))
      .flatMap(linksIn)
      .find((l) => l.includes('/license-confirmations/'));
    expect(confirmation).toBeDefined();
    await open(confirmation!);
    expect(await page.locator('main').textContent()).toContain('林小華');
    await screenshot(page, 'license-confirmation-from-mail');
    expect(links.some((l) => /\/my-licenses\/[^/]+$/.test(l) && !l.endsWith('/new'))).toBe(true);
  });

  it('shows the audit trail as a page from the proposal page, in words, with its JSON for machines', async () => {
    await open(`${runtime.url}/consultations/${id}`);
    await page.getByRole('link', { name: /處理歷程/ }).click();
    expect(new URL(page.url()).pathname).toBe(`/consultations/${id}/events`);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const step of ['機關提出提案', '收到意見', '公開徵詢延長', '說明會', '委員投票', '審議結果：同意']) {
      expect(main, step).toContain(step);
    }
    // The decision is published, so each vote shows its member and position.
    expect(main).toContain('陳志明');
    expect(main).not.toMatch(/COMMENT_RECEIVED|VOTE_CAST/);
    await screenshot(page, 'audit-trail');
    const href = await page.getByRole('link', { name: /JSON/ }).getAttribute('href');
    const json = await page.request.get(new URL(href!, runtime.url).href);
    expect(json.headers()['content-type']).toContain('application/json');
    expect(((await json.json()) as { items: unknown[] }).items.length).toBeGreaterThan(5);
  });

  it('shows the report and the decision as pages that link their PDFs', async () => {
    await open(`${runtime.url}/consultations/${id}/report`);
    expect(await page.locator('main').textContent()).toContain('將補充成本說明。');
    await screenshot(page, 'consultation-report');
    const reportPdf = await page.request.get(
      await page
        .getByRole('link', { name: /報告（PDF）/ })
        .getAttribute('href')
        .then((h) => new URL(h!, runtime.url).href),
    );
    expect(reportPdf.headers()['content-type']).toBe('application/pdf');

    await open(`${runtime.url}/consultations/${id}/decision`);
    expect(await page.locator('main').textContent()).toContain('同意');
    await screenshot(page, 'decision');
    const href = await page.getByRole('link', { name: /審議結果紀錄（PDF）/ }).getAttribute('href');
    expect((await page.request.get(new URL(href!, runtime.url).href)).headers()['content-type']).toBe(
      'application/pdf',
    );
  });

  it('answers a person with HTML 404 pages for unknown routes, datasets and certificates, and JSON clients as before', async () => {
    for (const path of [
      '/no-such-page',
      '/consultations/no-such-proposal/events',
      '/datasets/no-such-dataset',
      '/certificates/OGDL-2099-999999/verify',
      '/certificates/forged-number/verify',
      '/certificates/OGDL-2099-999999',
    ]) {
      const reached = await open(`${runtime.url}${path}`);
      expect(reached, path).toMatchObject({ status: 404, type: expect.stringContaining('text/html') });
      expect(reached.heading, path).toContain('找不到');
    }
    await screenshot(page, 'not-found');
    const json = await fetch(`${runtime.url}/datasets/no-such-dataset`);
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('shows a dataset as a page for browsers, with its license, schedule in force and how to apply', async () => {
    const reached = await open(`${runtime.url}/datasets/${SEED.datasets.onApplication}`);
    expect(reached).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('依申請提供');
    expect(main).toContain('如何申請');
    await screenshot(page, 'dataset');
    const dcat = await page.getByRole('link', { name: /DCAT/ }).getAttribute('href');
    const ld = await fetch(new URL(dcat!, runtime.url));
    expect(ld.headers.get('content-type')).toContain('application/ld+json');
    const api = await fetch(`${runtime.url}/datasets/nlsc-cadastral-maps`);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
