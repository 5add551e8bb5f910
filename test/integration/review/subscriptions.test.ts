import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let agency: string;

const EVERYTHING = 'everything@example.org';
const DATASET = 'dataset-follower@example.org';
const OTHER_DATASET = 'other-dataset@example.org';
const PROPOSAL = 'proposal-follower@example.org';
const NEVER_CONFIRMED = 'never-confirmed@example.org';

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
});
afterAll(async () => runtime?.close());

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const linkTo = (mail: ParsedMail | undefined, part: string) => linksIn(mail!).find((l) => l.includes(part));

async function subscribe(body: Record<string, string>, lang = 'zh-TW') {
  const res = await api.post('/subscriptions', body, undefined, { 'accept-language': lang });
  expect(res.status, res.text).toBe(202);
  expect(res.body).toEqual({ status: 'CONFIRMATION_MAILED' });
}

/** Presses the confirmation page's button of the newest confirmation mail to the address. */
async function confirm(address: string) {
  const mails = await mailsTo(runtime.url, address);
  const link = mails
    .flatMap(linksIn)
    .filter((l) => /\/subscriptions\/[A-Za-z0-9_-]{32}$/.test(l))
    .at(-1)!;
  const page = await fetch(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('確認訂閱');
  const res = await fetch(link, { method: 'POST', headers: form, body: '' });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('訂閱已開始');
}

const newsTo = async (address: string, subjectStart: string) =>
  (await mailsTo(runtime.url, address)).filter((m) => (m.subject ?? '').startsWith(subjectStart));

describe('subscriptions to consultations, by double opt-in', () => {
  let id: string;

  it('mails a confirmation link and starts nothing until the page’s button is pressed', async () => {
    await subscribe({ email: EVERYTHING });
    await subscribe({ email: DATASET, datasetId: SEED.datasets.onApplication });
    await subscribe({ email: OTHER_DATASET, datasetId: SEED.datasets.open });
    await subscribe({ email: NEVER_CONFIRMED });
    const [mail] = await mailsTo(runtime.url, EVERYTHING);
    expect(mail?.subject).toBe('請確認您的訂閱');
    expect(mail?.text).toContain('所有新的收費基準公開徵詢');
    for (const address of [EVERYTHING, DATASET, OTHER_DATASET]) await confirm(address);
  });

  it('refuses an unknown dataset with 404 and a dataset and a proposal at once with 400', async () => {
    const unknown = await api.post('/subscriptions', {
      email: 'x@example.org',
      datasetId: 'no-such-dataset',
    });
    expect(unknown.status).toBe(404);
    const both = await api.post('/subscriptions', {
      email: 'x@example.org',
      datasetId: SEED.datasets.open,
      proposalId: 'p',
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details).toContainEqual(expect.objectContaining({ path: 'proposalId' }));
  });

  it('mails a new consultation to every-consultation and that dataset’s subscribers, with List-Unsubscribe', async () => {
    id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body.id;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle();

    for (const address of [EVERYTHING, DATASET]) {
      const [news, ...more] = await newsTo(address, '新的公開徵詢：');
      expect(more).toHaveLength(0);
      expect(linkTo(news, `/consultations/${id}`)).toBe(`${runtime.url}/consultations/${id}`);
      const unsubscribeUrl = linkTo(news, '/unsubscribe/')!;
      const header = (key: string) =>
        news?.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, ' ');
      expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribeUrl}>`);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const page = await fetch(unsubscribeUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
    expect(await newsTo(OTHER_DATASET, '新的公開徵詢：')).toHaveLength(0);
    expect(await newsTo(NEVER_CONFIRMED, '新的公開徵詢：')).toHaveLength(0);
  });

  it('follows one proposal: its extension reaches the follower, in English when asked in English', async () => {
    await subscribe({ email: PROPOSAL, proposalId: id }, 'en');
    const [mail] = await mailsTo(runtime.url, PROPOSAL);
    expect(mail?.subject).toBe('Please confirm your subscription');
    const link = linksIn(mail!).find((l) => l.includes('/subscriptions/'))!;
    expect((await fetch(link, { method: 'POST', headers: form, body: '' })).status).toBe(200);

    const current = (await api.get(`/fee-proposals/${id}`)).body.consultation.closesAt;
    const closesAt = new Date(Date.parse(current) + 7 * 86_400_000).toISOString();
    const extended = await api.post(
      `/fee-proposals/${id}/consultation/extend`,
      { closesAt, reason: '配合說明會延長' },
      agency,
    );
    expect(extended.status).toBe(200);
    const [news] = await newsTo(PROPOSAL, 'Consultation extended: ');
    expect(news?.text).toContain('To stop, open:');
    expect(linkTo(news, '/unsubscribe/')).toBeDefined();
    // The every-consultation subscriber does not follow this proposal's news.
    expect(await newsTo(EVERYTHING, '公開徵詢延長')).toHaveLength(0);
  });

  it('ends a subscription by a mail program’s one-click POST, and mails that address no more', async () => {
    const [news] = await newsTo(DATASET, '新的公開徵詢：');
    const unsubscribeUrl = linkTo(news, '/unsubscribe/')!;
    const res = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: form,
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await (await fetch(unsubscribeUrl)).text()).toContain('此訂閱目前未生效');
    // Again: the same answer, nothing else changes.
    expect((await fetch(unsubscribeUrl, { method: 'POST', headers: form, body: '' })).status).toBe(200);

    const second = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency))
      .body.id;
    expect((await api.post(`/fee-proposals/${second}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle();
    expect(await newsTo(DATASET, '新的公開徵詢：')).toHaveLength(1);
    expect(await newsTo(EVERYTHING, '新的公開徵詢：')).toHaveLength(2);
  });

  it('answers an unknown link with a 404 page, and a form post refused with the form again', async () => {
    const unknown = await fetch(`${runtime.url}/unsubscribe/${'A'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    const refused = await fetch(`${runtime.url}/subscriptions`, {
      method: 'POST',
      headers: form,
      body: 'email=not-an-address',
      redirect: 'manual',
    });
    // The route answers the form itself: what was typed, the field's message, nothing mailed.
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('text/html');
    const again = await refused.text();
    expect(again).toContain('class="error-summary"');
    expect(again).toContain('value="not-an-address"');
    expect(again).toContain('id="f-email-error"');
    const sent = await fetch(`${runtime.url}/subscriptions`, {
      method: 'POST',
      headers: form,
      body: `email=form-subscriber%40example.org&datasetId=${SEED.datasets.open}`,
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/subscriptions/new?sent=1');
    const page = await fetch(`${runtime.url}/subscriptions/new?datasetId=${SEED.datasets.open}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('新公開徵詢');
  });
});
