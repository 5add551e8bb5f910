/**
 * The organisation tier: a comment naming an organisation is credited to it only from a verified
 * address on a domain the organisation registered; anyone else naming it is shown as self-declared,
 * in the JSON, on the page and in the report PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

const NAME = SEED.organization.name; // 財團法人中華民國消費者文教基金會, seeded with its domain
const GMAIL = 'consumer.watch.tw@gmail.com';
const STAFF = `policy@${SEED.organization.mailDomain}`;

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let agency: string;
let operator: string;
let id: string;
const commentIds: Record<string, string> = {};

async function confirmAddress(email: string) {
  const [mail] = await mailsTo(runtime.url, email);
  const link = linksIn(mail!).find((l) => l.includes('/comment-verifications/'))!;
  const res = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
  expect(res.status).toBe(200);
}

const commentsBy = async () =>
  Object.fromEntries(
    (await api.get(`/fee-proposals/${id}/comments`)).body.items.map((c: any) => [c.id, c]),
  ) as Record<string, any>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  operator = await runtime.issuer.mint({ role: 'operator' });
  id = (await api.post('/fee-proposals', validProposal(), agency)).body.id;
  expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
  await runtime.settle();
});
afterAll(async () => runtime?.close());

describe('the organisation register', () => {
  it('is kept by the operator: registered, listed, with the field and rule named on bad input', async () => {
    const ocf = {
      id: 'ocf',
      name: { zh: '財團法人開放文化基金會', en: 'Open Culture Foundation' },
      mailDomains: ['OCF.tw'],
    };
    expect((await api.post('/organizations', ocf, agency)).status).toBe(403);
    const created = await api.post('/organizations', ocf, operator);
    expect(created.status).toBe(201);
    expect(created.body.mailDomains).toEqual(['ocf.tw']);
    expect((await api.post('/organizations', ocf, operator)).body.error.code).toBe('ORGANIZATION_EXISTS');

    const bad = await api.post(
      '/organizations',
      { ...ocf, id: 'ocf-2', mailDomains: ['info@ocf.tw'] },
      operator,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('mailDomains');

    const listed = await api.get('/organizations', operator);
    expect(listed.body.items.map((o: any) => o.id).sort()).toEqual([SEED.organization.id, 'ocf'].sort());
    expect((await api.get('/organizations')).status).toBe(401);
  });
});

describe('a comment naming a registered organisation', () => {
  it('is credited to the organisation only from a verified address on its registered domain', async () => {
    for (const [key, email] of [
      ['gmail', GMAIL],
      ['staff', STAFF],
    ] as const) {
      const res = await api.post(`/fee-proposals/${id}/comments`, {
        body: `代表${NAME}表示意見（${key}）。`,
        author: { name: '陳小姐', email, organization: NAME },
      });
      expect(res.status).toBe(201);
      commentIds[key] = res.body.id;
    }
    const before = await commentsBy();
    expect(before[commentIds.staff!]).toMatchObject({ tier: 'UNVERIFIED', organizationSelfDeclared: true });

    await confirmAddress(GMAIL);
    await confirmAddress(STAFF);
    const after = await commentsBy();
    expect(after[commentIds.gmail!]).toMatchObject({
      tier: 'VERIFIED_EMAIL',
      organizationSelfDeclared: true,
    });
    expect(after[commentIds.staff!]).toMatchObject({ tier: 'ORGANIZATION', organizationSelfDeclared: false });
  });

  it('shows the unmatched one as 「自稱」 self-declared on the page, in the reader’s language', async () => {
    const pageIn = async (lang: string) =>
      (await fetch(`${runtime.url}/consultations/${id}?lang=${lang}`)).text();
    const page = await pageIn('zh');
    const english = await pageIn('en');
    const articleOf = (markup: string, commentId: string) =>
      markup.slice(
        markup.indexOf(`id="comment-${commentId}"`),
        markup.indexOf('</article>', markup.indexOf(`id="comment-${commentId}"`)),
      );
    const article = (commentId: string) => articleOf(page, commentId);
    expect(article(commentIds.gmail!)).toContain('自稱');
    expect(article(commentIds.gmail!)).not.toContain('self-declared');
    expect(articleOf(english, commentIds.gmail!)).toContain('self-declared');
    expect(articleOf(english, commentIds.staff!)).toContain('Organization');
    expect(article(commentIds.gmail!)).not.toContain('機關團體');
    expect(article(commentIds.staff!)).not.toContain('自稱');
    expect(article(commentIds.staff!)).toContain('機關團體');
  });

  it('keeps the tiers apart in the consultation report: JSON, page and PDF', async () => {
    await api.post('/_local/clock', { advanceBy: 'P61D' });
    for (const commentId of Object.values(commentIds)) {
      const res = await api.put(
        `/fee-proposals/${id}/comments/${commentId}/disposition`,
        { disposition: 'NOT_ADOPTED', reply: '已納入考量。' },
        agency,
      );
      expect(res.status).toBe(200);
    }
    await api.post('/_local/clock', { advanceBy: 'PT1S' });
    const report = await api.get(`/fee-proposals/${id}/consultation-report`);
    expect(report.status).toBe(200);
    expect(report.body.counts.byTier).toMatchObject({ ORGANIZATION: 1, VERIFIED_EMAIL: 1 });
    const rows = Object.fromEntries(report.body.comments.map((c: any) => [c.id, c]));
    expect(rows[commentIds.gmail!]).toMatchObject({ tier: 'VERIFIED_EMAIL', organizationSelfDeclared: true });
    expect(rows[commentIds.staff!]).toMatchObject({ tier: 'ORGANIZATION', organizationSelfDeclared: false });

    const reportPage = await (await fetch(`${runtime.url}/consultations/${id}/report`)).text();
    const entry = (commentId: string) => {
      const at = reportPage.indexOf(`id="comment-${commentId}"`);
      expect(at, commentId).toBeGreaterThan(0);
      return reportPage.slice(at, reportPage.indexOf('</article>', at));
    };
    expect(entry(commentIds.gmail!)).toContain('自稱');
    expect(entry(commentIds.staff!)).not.toContain('自稱');

    const pdf = await fetch(`${runtime.url}/fee-proposals/${id}/consultation-report?format=pdf`);
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    // A comment's heading (tier and author) comes right before its text, which ends in the key.
    const heading = (key: string) => {
      const at = text.indexOf(`（${key}）`);
      expect(at, key).toBeGreaterThan(0);
      return text.slice(text.lastIndexOf('身分Tier', at), at);
    };
    const block = { gmail: heading('gmail'), staff: heading('staff') };
    expect(block.gmail).toContain('自稱self-declared');
    expect(block.gmail).toContain('電子郵件已驗證');
    expect(block.staff).not.toContain('自稱');
    expect(block.staff).toContain('機關團體');
  });
});
