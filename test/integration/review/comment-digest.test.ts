// The agency's daily digest of new comments: one mail at 09:00 Taipei time for the comments of the
// day before, counted with those still unanswered, linking to the proposal's comments; none on a day
// without comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

const AGENCY_MAIL = 'opendata@nlsc.example.tw';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let agency: string;
let proposalId: string;

const digests = async (): Promise<ParsedMail[]> =>
  (await mailsTo(runtime.url, AGENCY_MAIL)).filter((m) => (m.subject ?? '').startsWith('新意見'));
const comment = async (body: string) =>
  expect((await api.post(`/fee-proposals/${proposalId}/comments`, { body, author: {} })).status).toBe(201);
const advance = async (by: string) =>
  expect((await api.post('/_local/clock', { advanceBy: by })).status).toBe(200);

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const created = await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency);
  proposalId = created.body.id;
  expect((await api.post(`/fee-proposals/${proposalId}/submit`, {}, agency)).status).toBe(202);
});
afterAll(async () => runtime?.close());

describe('the daily digest of new comments', () => {
  it('mails the agency once, at the next digest time, with the day’s count and a link to the comments', async () => {
    // Act
    await comment('收費過高。');
    await comment('請說明成本。');
    await comment('支持收費。');
    expect(await digests()).toHaveLength(0);
    await advance('P1D');

    // Assess
    const [digest, ...more] = await digests();
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe(
      '新意見 3 則：數值地籍圖收費基準 / 3 new comments: Fee schedule for digital cadastral maps',
    );
    expect(digest!.text).toContain('本輪共 3 則，尚有 3 則待回覆');
    expect(linksIn(digest!)).toContain(`${runtime.url}/consultations/${proposalId}#comments`);
  });

  it('counts only the comments since the digest before, and those still unanswered', async () => {
    // Prepare
    const first = (await api.get(`/fee-proposals/${proposalId}/comments`)).body.items[0];
    const answered = await api.put(
      `/fee-proposals/${proposalId}/comments/${first.id}/disposition`,
      { disposition: 'NOT_ADOPTED', reply: '收費依成本計算。' },
      agency,
    );
    expect(answered.status).toBe(200);

    // Act
    await comment('第四則意見。');
    await advance('P1D');

    // Assess
    const all = await digests();
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toMatch(/^新意見 1 則：/);
    expect(all[1]!.text).toContain('本輪共 4 則，尚有 3 則待回覆');
  });

  it('sends nothing on a day without new comments', async () => {
    // Act
    await advance('P2D');

    // Assess
    expect(await digests()).toHaveLength(2);
  });
});
