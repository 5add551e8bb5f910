// The audit trail's page says in words what happened, who acted and when; internal names and ids
// stay in the JSON it links.
import { describe, expect, it } from 'vitest';
import { publicTrail } from '#domain/public-trail';
import type { AuditEvent } from '#domain/records';
import { trailEntries } from '#usecases/trail-page-view';
import { auditTrailPage } from '#templates/pages/audit-trail';
import { eventLabel } from '#templates/trail-labels';

const HOSTILE = `<script>alert("x")</script>`;
const event = (type: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `e-${type}`,
  proposalId: 'fp-1',
  at: '2027-01-30T06:33:00.000Z',
  actor: { kind: 'system' },
  type,
  proposalVersion: 1,
  ...extra,
});

const EVENTS: AuditEvent[] = [
  event('SUBMITTED', { actor: { kind: 'agency', id: 'sub-123' }, detail: { round: 1, days: 30 } }),
  event('COMMENT_RECEIVED', { actor: { kind: 'public' }, detail: { commentId: 'c-9', itemId: 'sheet' } }),
  event('CONSULTATION_EXTENDED', {
    actor: { kind: 'agency', id: 'sub-123' },
    detail: { from: '2027-02-01T00:00:00Z', to: '2027-02-15T15:59:00Z', reason: HOSTILE },
  }),
  event('VOTE_CAST', {
    actor: { kind: 'member', id: 'convener' },
    detail: { member: '陳志明', decision: 'APPROVE' },
  }),
  event('DECIDED_APPROVED'),
  event('ANNOUNCEMENT_RECORDED', { actor: { kind: 'agency', id: 'sub-123' } }),
  event('REVIEW_RESTARTED', {
    actor: { kind: 'operator', id: 'op-7' },
    detail: { attempt: 2, execution: 'fp-1-v1-r1-a2', from: 'VOTE', reason: '郵件服務已恢復。' },
  }),
  event('WITHDRAWN', {
    actor: { kind: 'agency', id: 'sub-123' },
    detail: { from: 'IN_CONSULTATION', reason: '將併入新年度收費基準重新提出。' },
  }),
  event('SOMETHING_NEW'),
];

const render = (decidedVersion: number | undefined, lang: 'zh' | 'en' = 'zh') =>
  auditTrailPage(
    {
      title: { zh: HOSTILE, en: 'Fees' },
      links: { proposal: '/consultations/fp-1', json: '/fee-proposals/fp-1/events' },
      entries: trailEntries(publicTrail(EVENTS, decidedVersion)),
    },
    { lang, switchHref: `/consultations/fp-1/events?lang=${lang === 'zh' ? 'en' : 'zh'}` },
  );

describe('the audit trail page', () => {
  it('says each step in words, with when, who, the version, the comment and the extension', () => {
    const page = render(1);
    for (const expected of [
      '機關提出提案，開始公開徵詢',
      '收到意見',
      'href="/consultations/fp-1#comment-c-9"',
      '公開徵詢延長',
      '2027年2月15日 23:59（臺北時間）',
      '委員投票',
      '陳志明',
      '同意',
      '審議結果：同意（建議通過）',
      '機關登錄：公告',
      '維運人員重新啟動審議流程',
      '理由：郵件服務已恢復。',
      '機關撤回提案',
      '理由：將併入新年度收費基準重新提出。',
      '其他處理紀錄',
      '2027年1月30日 14:33（臺北時間）',
      '第 1',
      'href="/fee-proposals/fp-1/events"',
    ]) {
      expect(page).toContain(expected);
    }
    // Internal names and ids are not shown to people.
    for (const internal of [
      'SUBMITTED',
      'COMMENT_RECEIVED',
      'VOTE_CAST',
      'sub-123',
      'convener',
      'op-7',
      'fp-1-v1-r1-a2',
      'SOMETHING_NEW',
    ]) {
      expect(page).not.toContain(internal);
    }
    expect(page).not.toMatch(/<script/);
  });

  it('while the vote is open, says only that a member voted', () => {
    const page = render(undefined);
    expect(page).toContain('委員投票');
    expect(page).not.toContain('陳志明');
    expect(page).not.toContain('投票：');
  });

  it('is written in the reader’s language alone, with a switch to the other', () => {
    const zh = render(1);
    expect(zh).toContain('<html lang="zh-Hant-TW">');
    expect(zh).not.toContain('Audit trail');
    expect(zh).not.toContain('version 1');
    expect(zh).toContain('href="/consultations/fp-1/events?lang=en"');
    const en = render(1, 'en');
    expect(en).toContain('<html lang="en">');
    for (const english of [
      'Audit trail: Fees',
      'version 1',
      'The comment',
      'Vote: Approve',
      '30 Jan 2027, 14:33 Taipei time',
    ])
      expect(en).toContain(english);
    for (const chinese of ['處理歷程', '第 1 版', '該則意見', '臺北時間']) expect(en).not.toContain(chinese);
    expect(en).not.toContain('undefined');
  });

  it('names composed event types by their parts', () => {
    expect(eventLabel('DECIDED_NOT_DECIDED').zh).toBe('審議結果：未能作成決議，退回機關');
    expect(eventLabel('COUNCIL_FILING_RECORDED').zh).toBe('機關登錄：送民意機關備查');
    expect(eventLabel('STEP_RELEASED_VOTE').en).toContain('moved on');
  });
});
