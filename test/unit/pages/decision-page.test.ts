// The decision page speaks the reader's language alone; the proposal page still shows the decision
// in both while it is bilingual.
import { describe, expect, it } from 'vitest';
import { decisionPage, decisionSection, type DecisionView } from '#templates/pages/decision';

const decision: DecisionView = {
  outcome: 'APPROVED',
  decidedAt: '2027-01-30T06:33:00.000Z',
  tally: { seats: 7, recused: 0, cast: 5, quorum: 4, quorumMet: true },
  positions: [
    { name: '陳志明', seat: 'CONVENER', decision: 'APPROVE' },
    { name: '林美惠', seat: 'SCHOLAR', decision: null },
  ],
  effectiveFrom: '2027-03-01',
  feeLawSteps: [{ step: 'FEE_AUTHORITY_CONSENT' }, { step: 'COUNCIL_FILING' }, { step: 'ANNOUNCEMENT' }],
  feeLawStepsRequired: true,
};
const render = (lang: 'zh' | 'en', d: DecisionView | null = decision) =>
  decisionPage(
    {
      proposal: { title: { zh: '地籍圖收費基準' } },
      links: { proposal: '/consultations/fp-1', pdf: '/fee-proposals/fp-1/decision?format=pdf' },
      ...(d ? { decision: d } : {}),
    },
    { lang, switchHref: `?lang=${lang === 'zh' ? 'en' : 'zh'}` },
  );

describe('the decision page', () => {
  it('is in Traditional Chinese alone for a Chinese reader', () => {
    const zh = render('zh');
    for (const text of [
      '審議結果：地籍圖收費基準',
      '同意（建議通過）',
      '2027年1月30日 14:33（臺北時間）',
      '陳志明',
      '未投票',
      '尚未登錄',
    ])
      expect(zh).toContain(text);
    for (const english of ['Approved', 'Each member', 'Taipei time', 'not yet recorded'])
      expect(zh).not.toContain(english);
  });

  it('is in English alone for an English reader, the agency’s Chinese title where it gave no English', () => {
    const en = render('en');
    for (const text of [
      'Decision: 地籍圖收費基準',
      'Approved (recommended to the agency)',
      '30 Jan 2027, 14:33 Taipei time',
      'Did not vote',
      '5 votes cast',
    ])
      expect(en).toContain(text);
    for (const chinese of ['委員', '臺北時間', '尚未登錄', '在任']) expect(en).not.toContain(chinese);
    expect(en).not.toContain('undefined');
  });

  it('says the group has not decided yet, in the reader’s language', () => {
    expect(render('zh', null)).toContain('諮詢小組尚未對本提案作成決議');
    expect(render('en', null)).toContain('has not decided on this proposal yet');
    expect(render('en', null)).not.toContain('諮詢小組');
  });

  it('keeps both languages in the section the bilingual proposal page includes', () => {
    const section = decisionSection(decision).value;
    expect(section).toContain('各委員立場');
    expect(section).toContain('Each member’s position');
  });
});
