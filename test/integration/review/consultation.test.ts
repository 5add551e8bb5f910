import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

const AGENCY_MAIL = 'opendata@nlsc.example.tw';
let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let agency: string;

const advance = (by: string) => api.post('/_local/clock', { advanceBy: by });

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
});
afterAll(async () => runtime?.close());

describe('a proposal from submission to a consultation whose every comment has an answer', () => {
  let id: string;
  const commentIds: string[] = [];

  it('opens a 60-day consultation on submit and mails the notice with the §154 contents', async () => {
    id = (await api.post('/fee-proposals', validProposal(), agency)).body.id;
    const submitted = await api.post(`/fee-proposals/${id}/submit`, {}, agency);
    expect(submitted.status).toBe(202);
    expect(submitted.body.status).toBe('IN_CONSULTATION');
    const { opensAt, closesAt } = submitted.body.consultation;
    expect(Date.parse(closesAt) - Date.parse(opensAt)).toBe(60 * 86_400_000);
    expect(submitted.body.workflow).toBeUndefined(); // the task token never leaves the service
    await runtime.settle(); // the notice is the workflow's first step, after the 202

    const [notice] = await mailsTo(runtime.url, AGENCY_MAIL);
    expect(notice?.subject).toContain('公開徵詢');
    for (const part of [
      '內政部國土測繪中心',
      '規費法第 10 條',
      'NT$200',
      '截止時間',
      `/consultations/${id}#comment-form`,
    ]) {
      expect(notice?.text).toContain(part);
    }
  });

  it('takes comments from anyone, on the whole proposal or one fee item, and refuses an unknown item', async () => {
    const bodies = [
      {
        body: '每幅 200 元對學術研究者負擔過重。',
        itemId: 'sheet',
        author: { name: '王小明', email: 'ming@example.org' },
      },
      { body: 'Please publish the cost basis per sheet.', author: { organization: 'Open Knowledge Taiwan' } },
      { body: '支持此收費基準。' },
    ];
    for (const body of bodies) {
      const res = await api.post(`/fee-proposals/${id}/comments`, body);
      expect(res.status).toBe(201);
      commentIds.push(res.body.id);
    }
    const wrongItem = await api.post(`/fee-proposals/${id}/comments`, { body: 'x', itemId: 'nope' });
    expect(wrongItem.status).toBe(422);
    expect(wrongItem.body.error.code).toBe('UNKNOWN_FEE_ITEM');
  });

  it('verifies a commenter’s e-mail only when the page’s button is pressed, not when the link is opened', async () => {
    const [mail] = await mailsTo(runtime.url, 'ming@example.org');
    const link = linksIn(mail!).find((l) => l.includes('/comment-verifications/'))!;
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(200);
    const before = await api.get(`/fee-proposals/${id}/comments`);
    expect(before.body.items[0].tier).toBe('UNVERIFIED');

    const confirmed = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(confirmed.status).toBe(200);
    const after = await api.get(`/fee-proposals/${id}/comments`);
    expect(after.body.items[0].tier).toBe('VERIFIED_EMAIL');
    expect(JSON.stringify(after.body)).not.toContain('ming@example.org');
  });

  it('moves the closing deadline when the agency extends, and the workflow honours it', async () => {
    const current = (await api.get(`/fee-proposals/${id}`)).body.consultation.closesAt;
    const closesAt = new Date(Date.parse(current) + 5 * 86_400_000).toISOString();
    const extended = await api.post(
      `/fee-proposals/${id}/consultation/extend`,
      { closesAt, reason: '配合說明會延長' },
      agency,
    );
    expect(extended.status).toBe(200);
    expect(extended.body.consultation.extensions).toHaveLength(1);

    await advance('P61D');
    expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('IN_CONSULTATION');
    expect((await api.post(`/fee-proposals/${id}/comments`, { body: '延長期間的意見。' })).status).toBe(201);
    commentIds.push((await api.get(`/fee-proposals/${id}/comments`)).body.items.at(-1).id);

    await advance('P5D');
    expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('AWAITING_RESPONSES');
  });

  it('refuses a comment once the consultation has closed', async () => {
    const res = await api.post(`/fee-proposals/${id}/comments`, { body: '太晚了' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONSULTATION_CLOSED');
  });

  it('waits until every comment has a disposition, then publishes the report and opens the review', async () => {
    const answers = ['PARTLY_ADOPTED', 'ADOPTED', 'NOT_ADOPTED', 'NOT_ADOPTED'] as const;
    for (const [i, commentId] of commentIds.entries()) {
      expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('AWAITING_RESPONSES');
      const res = await api.put(
        `/fee-proposals/${id}/comments/${commentId}/disposition`,
        { disposition: answers[i], reply: `回覆 ${i + 1}：已納入考量。` },
        agency,
      );
      expect(res.status).toBe(200);
    }
    await advance('PT1S'); // settles the work the last answer released
    const proposal = (await api.get(`/fee-proposals/${id}`)).body;
    expect(proposal.status).toBe('UNDER_REVIEW');
    expect(proposal.consultationReport.commentCount).toBe(4);
  });

  it('publishes the report as JSON and as a PDF that holds each comment and its disposition', async () => {
    const json = await api.get(`/fee-proposals/${id}/consultation-report`);
    expect(json.status).toBe(200);
    expect(json.body.comments.map((c: any) => c.disposition)).toEqual([
      'PARTLY_ADOPTED',
      'ADOPTED',
      'NOT_ADOPTED',
      'NOT_ADOPTED',
    ]);
    expect(json.body.counts.byTier).toMatchObject({ VERIFIED_EMAIL: 1, UNVERIFIED: 3 });
    // The report keeps the closing date first announced and each extension with its reason.
    const { consultation, proposal } = json.body;
    expect(consultation.extensions).toEqual([
      expect.objectContaining({ previousClosesAt: consultation.closesAt, reason: '配合說明會延長' }),
    ]);
    expect(Date.parse(consultation.finalClosesAt) - Date.parse(consultation.closesAt)).toBe(5 * 86_400_000);
    expect(proposal.datasets).toEqual([{ id: SEED.datasets.onApplication, title: expect.any(Object) }]);
    expect(proposal.reductions).toEqual([{ purpose: 'ACADEMIC', percent: 50 }]);

    const pdf = await api.call('GET', `/fee-proposals/${id}/consultation-report`, {
      headers: { accept: 'application/pdf' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const res = await fetch(`${runtime.url}/fee-proposals/${id}/consultation-report?format=pdf`);
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    for (const part of [
      '每幅 200 元對學術研究者負擔過重。',
      'Please publish the cost basis per sheet.',
      '支持此收費基準。',
      '延長期間的意見。',
      '部分採納',
      '不採納',
      '回覆 1：已納入考量。',
      '原定截止',
      '理由 Reason：配合說明會延長',
      '適用資料集',
      SEED.datasets.onApplication,
      '學術研究 Academic research 減收 50%',
    ]) {
      expect(text.replace(/\s+/g, '')).toContain(part.replace(/\s+/g, ''));
    }
  });

  it('keeps an audit trail of every step', async () => {
    const events = (await api.get(`/fee-proposals/${id}/events`)).body.items.map((e: any) => e.type);
    for (const type of [
      'DRAFTED',
      'SUBMITTED',
      'NOTICE_PUBLISHED',
      'COMMENT_RECEIVED',
      'CONSULTATION_EXTENDED',
      'CONSULTATION_CLOSED',
      'COMMENT_ANSWERED',
      'CONSULTATION_REPORT_PUBLISHED',
    ]) {
      expect(events).toContain(type);
    }
  });

  it('goes straight to review when a closed consultation received no comments', async () => {
    const quiet = (await api.post('/fee-proposals', validProposal(), agency)).body.id;
    await api.post(`/fee-proposals/${quiet}/submit`, {}, agency);
    await advance('P61D');
    expect((await api.get(`/fee-proposals/${quiet}`)).body.status).toBe('UNDER_REVIEW');
  });
});
