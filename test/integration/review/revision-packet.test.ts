import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { MEMBERS, memberEmail, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;
let agency: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

/** The mails about proposal `id` to a member whose subject starts with `prefix`, oldest first. */
const memberMails = async (member: string, id: string, prefix: string) =>
  (await mailsTo(runtime.url, memberEmail(member))).filter(
    (m) => (m.subject ?? '').startsWith(prefix) && linksIn(m).some((l) => l.includes(`/consultations/${id}`)),
  );

async function requestChanges(id: string) {
  for (const member of MEMBERS.slice(0, 4))
    expect((await flow.vote(await flow.ballotLink(member, id), 'REQUEST_CHANGES', '請調降單價')).status).toBe(
      200,
    );
  await flow.advance('PT1S');
  expect(await flow.status(id)).toBe('CHANGES_REQUESTED');
}

describe('the members after a vote and with a revised version', () => {
  it('mails every member the outcome with their own vote and the decision’s page', async () => {
    const id = await flow.proposalUnderReview();
    await requestChanges(id);
    for (const [i, member] of MEMBERS.entries()) {
      const [outcome, ...more] = await memberMails(member, id, '審議結果：');
      expect(more).toHaveLength(0);
      expect(outcome?.subject).toContain('請機關修正');
      expect(outcome?.text).toContain(i < 4 ? '您的投票：請機關修正' : '您的投票：未投票');
      expect(linksIn(outcome!)).toContain(`${runtime.url}/consultations/${id}/decision`);
      const page = await fetch(`${runtime.url}/consultations/${id}/decision`);
      expect(page.status).toBe(200);
    }
  });

  it('sends a revised packet that names the version and the changed charge, after a new consultation', async () => {
    const id = await flow.proposalUnderReview();
    await requestChanges(id);
    const revised = validProposal({ effectiveFrom: '2031-01-01' });
    revised.items[0]!.amountTwd = 150;
    expect((await flow.api.put(`/fee-proposals/${id}`, revised, agency)).status).toBe(200);
    expect((await flow.api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await flow.advance('P61D');
    expect(await flow.status(id)).toBe('UNDER_REVIEW');

    const packets = await memberMails('scholar-1', id, '諮詢小組審議資料');
    expect(packets).toHaveLength(2);
    expect(packets[0]?.subject).not.toContain('修正案');
    const [, v2] = packets;
    expect(v2?.subject).toContain('第 2 版修正案');
    expect(v2?.subject).toContain('Revised review packet (version 2)');
    expect(v2?.text).toContain('已重新完成公開徵詢');
    expect(v2?.text).toContain('與第 1 版相較之變更 Changes since version 1：');
    expect(v2?.text).toMatch(/調整收費 Charge changed：.+ NT\$200 → NT\$150/);

    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await flow.advance('PT1S');
    expect(await flow.status(id)).toBe('APPROVED');
    const outcomes = await memberMails('convener', id, '審議結果：');
    expect(outcomes.map((m) => m.text?.includes('您的投票：同意'))).toEqual([false, true]);
  });

  it('sends a revised packet that says the fee items are unchanged when only other parts were revised', async () => {
    const id = await flow.proposalUnderReview();
    await requestChanges(id);
    const revised = validProposal({
      effectiveFrom: '2031-01-01',
      legalBasis: '規費法第 10 條；政府資訊公開法第 22 條',
    });
    expect((await flow.api.put(`/fee-proposals/${id}`, revised, agency)).status).toBe(200);
    expect((await flow.api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await flow.advance('PT1S');

    const [, v2] = await memberMails('civil-1', id, '諮詢小組審議資料');
    expect(v2?.subject).toContain('第 2 版修正案');
    expect(v2?.text).toContain('收費項目未變更，未重新公開徵詢');
    expect(v2?.text).toContain('收費項目未變更（修正其他內容）。');
  });
});
