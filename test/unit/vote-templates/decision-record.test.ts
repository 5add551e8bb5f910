import { describe, expect, it } from 'vitest';
import { feeLawChecklist } from '#domain/fee-law-steps';
import { renderDecisionRecord } from '#templates/pdf/decision-record';
import { pdfPageTexts, pdfText, squash } from '#test/support/pdf-text';
import { decisionView, MEMBERS } from './fixtures.ts';

const POSITION = {
  APPROVE: '同意Approve',
  REJECT: '不同意Reject',
  REQUEST_CHANGES: '請機關修正Requestchanges',
  RECUSE: '利益迴避Recuse',
} as const;

const SEAT = {
  CONVENER: '召集人Convener',
  AGENCY: '機關代表Agencyrepresentative',
  CIVIL_SOCIETY: '民間團體代表Civil-societyrepresentative',
  SCHOLAR: '學者專家Scholarorexpert',
  INDUSTRY: '產業代表Industryrepresentative',
} as const;

describe('renderDecisionRecord', () => {
  it('holds the proposal, group, period, quorum, counts and outcome', { timeout: 30_000 }, async () => {
    const pages = await pdfPageTexts(await renderDecisionRecord(decisionView()));
    const text = squash(pages.join('\n'));

    for (const expected of [
      '審議結果紀錄',
      'Decision record',
      '中央氣象署客製化氣象資料收費基準',
      'CWA fee schedule for customised weather data',
      '交通部中央氣象署',
      'FP-2025-0042 · v2',
      '交通部資料開放諮詢小組',
      'MOTC open data advisory group',
      '書面審查',
      'Written review by mailed ballots',
      '審查資料寄送 Packet sent 2025年5月6日（民國114年） 09:00（臺北時間）',
      '投票截止 Deadline 2025年5月20日（民國114年） 23:59（臺北時間）',
      '審議之收費表 Fee table reviewed',
      // The fee table's columns in the domain's words, as on the pages and in the report.
      '文件化單位成本',
      '邊際單位成本',
      '逐時觀測資料客製化擷取',
      'NT$1,200',
      '審議結果：同意（建議通過）',
      '之 50% 以上投票',
      '已達到（5 ≥ 3）',
      '同意（建議通過） Approved (recommended to the agency)',
      '生效日 Effective from 2025年7月1日（民國114年）',
      '檢討期限 Review by 2028年7月1日（民國117年）',
      '結果確定 Decided 2025年5月21日（民國114年） 00:00（臺北時間）',
      `第 1 / ${pages.length} 頁`,
    ]) {
      expect(text).toContain(squash(expected));
    }
    // Members 7, recused 1, seats 6, quorum 3, cast 5, approve 3, reject 1, changes 1, did not vote 1.
    expect(text).toContain(squash('7 1 6 3 5 3 1 1 1'));
  });

  it("prints every member's name, seat, position and reason", { timeout: 30_000 }, async () => {
    const text = squash(await pdfText(await renderDecisionRecord(decisionView())));

    MEMBERS.forEach((member, i) => {
      // Badge, number and name, then the seat: one run of text per member.
      const position = member.decision === null ? '未投票Didnotvote' : POSITION[member.decision];
      const head = `${position}${squash(`${i + 1}. ${member.name}`)}${SEAT[member.seat]}`;
      const start = text.indexOf(head);
      expect(start, member.name).toBeGreaterThan(0);
      const next = MEMBERS[i + 1];
      const end = next ? text.indexOf(squash(`${i + 2}. ${next.name}`), start) : undefined;
      const block = text.slice(start, end);
      if (member.reason) expect(block).toContain(squash(member.reason));
    });
    expect(text).toContain(squash('民間團體代表 Civil-society representative'));
    expect(text).toContain(squash('（未附理由） (no reason given)'));
  });

  it('records an extension and a vote returned without quorum', { timeout: 30_000 }, async () => {
    const view = decisionView({
      outcome: 'NOT_DECIDED',
      vote: {
        opensAt: '2025-05-06T01:00:00Z',
        deadline: '2025-05-20T15:59:00Z',
        extensions: [{ deadline: '2025-05-27T15:59:00Z', reason: '出席人數未達門檻，依規則延長一次。' }],
      },
      tally: {
        seats: 6,
        recused: 1,
        quorum: 3,
        cast: 2,
        counts: { APPROVE: 1, REJECT: 1, REQUEST_CHANGES: 0 },
        quorumMet: false,
      },
      decidedAt: '2025-05-27T16:00:00Z',
      effectiveFrom: undefined,
      reviewBy: undefined,
    });
    const text = squash(await pdfText(await renderDecisionRecord(view)));

    expect(text).toContain(
      squash('延長 1 Extension 1 截止延至 Deadline moved to 2025年5月27日（民國114年） 23:59（臺北時間）'),
    );
    expect(text).toContain(squash('出席人數未達門檻，依規則延長一次。'));
    expect(text).toContain(squash('未達到（2 < 3）'));
    expect(text).toContain(squash('未能作成決議，退回機關 Not decided; returned to the agency'));
    expect(text).not.toContain(squash('檢討期限'));
  });

  it('says when the result became final before the deadline', { timeout: 30_000 }, async () => {
    const text = squash(
      await pdfText(await renderDecisionRecord(decisionView({ decidedAt: '2025-05-15T03:21:00Z' }))),
    );

    expect(text).toContain(squash('截止前結果已確定'));
    // A member cut off by the early result had not voted yet; not "did not vote".
    expect(text).toContain(squash('結果確定時尚未投票'));
  });

  it(
    'keeps one calendar system: every date is AD with the ROC year beside it',
    { timeout: 30_000 },
    async () => {
      const text = await pdfText(await renderDecisionRecord(decisionView()));
      const dates = text.match(/\d{4}年\d{1,2}月\d{1,2}日(\s*（民國\d+\s*年）)?/g) ?? [];
      expect(dates.length).toBeGreaterThan(3);
      expect(dates.filter((d) => !d.includes('民國'))).toEqual([]);
      expect(text).not.toMatch(/民國\d+年\d+月/);
    },
  );

  it(
    'lays out fifty members with long reasons and odd characters over several pages',
    { timeout: 30_000 },
    async () => {
      const positions = Array.from({ length: 50 }, (_, i) => ({
        name: i === 0 ? 'Zoë Nguyễn 𠀋 <script>' : `委員${i + 1}`,
        seat: 'SCHOLAR' as const,
        decision: i % 5 === 4 ? null : ('REJECT' as const),
        reason: i === 1 ? '長'.repeat(3000) : `理由 ${i + 1}\r\n第二行\u0000`,
        castAt: '2025-05-12T02:10:00Z',
      }));
      const pages = await pdfPageTexts(await renderDecisionRecord(decisionView({ positions })));
      const text = squash(pages.join('\n'));

      expect(pages.length).toBeGreaterThan(3);
      expect(text).toContain('ZoëNguyễn');
      expect(text).toContain('長'.repeat(200));
      expect(text).toContain(squash('50. 委員50'));
    },
  );

  it(
    'lists the steps of 規費法 §10 when the record is re-issued, naming the revision it supersedes',
    { timeout: 30_000 },
    async () => {
      // Prepare
      const supersededSha = 'ab'.repeat(32);
      const base = decisionView();
      const pending = { ...base, feeLawSteps: feeLawChecklist([]) };
      const reissued = {
        ...base,
        feeLawSteps: feeLawChecklist(
          [
            {
              step: 'FEE_AUTHORITY_CONSENT' as const,
              date: '2025-06-02',
              reference: '財政部台財稅字第 1140001 號',
            },
            { step: 'COUNCIL_FILING' as const, date: '2025-06-09', reference: '立法院議字第 1140002 號' },
            {
              step: 'ANNOUNCEMENT' as const,
              date: '2025-06-16',
              reference: '交通部公告 1140003 號',
              url: 'https://gazette.nat.gov.tw/notice/1140003',
            },
          ].map((step) => ({ ...step, recordedAt: `${step.date}T02:00:00Z` })),
        ),
        announcedEffectiveFrom: '2025-08-01',
        revision: {
          number: 3,
          issuedAt: '2025-06-16T02:00:00Z',
          supersedes: { number: 2, issuedAt: '2025-06-09T03:00:00Z', sha256: supersededSha },
        },
      };
      // Act
      const first = squash(await pdfText(await renderDecisionRecord(pending)));
      const third = squash(await pdfText(await renderDecisionRecord(reissued)));
      // Assess
      expect(first).toContain(squash('五、規費法第 10 條程序'));
      expect(first.match(/尚未登錄Notyetrecorded/g)).toHaveLength(3);
      expect(first).not.toContain(squash('次修訂'));
      for (const expected of [
        '第 3 次修訂 Revision 3',
        `取代第 2 次修訂版（2025年6月9日（民國114年） 11:00（臺北時間） 發布，SHA-256 ${supersededSha}）`,
        '表決及審議結果均未變更',
        '規費主管機關同意 Consent of the fee authority 日期 Date 2025年6月2日（民國114年）',
        '同意文號 Document number：財政部台財稅字第 1140001 號',
        '備查文號 Filing number：立法院議字第 1140002 號',
        '公告字號 Notice number：交通部公告 1140003 號',
        'https://gazette.nat.gov.tw/notice/1140003',
        '公告之生效日 Effective from (announced) 2025年8月1日（民國114年）',
        '審議結果：同意（建議通過）',
      ])
        expect(third).toContain(squash(expected));
      expect(third).not.toContain('尚未登錄');
      // Its date is the revision's, so the same view gives the same bytes.
      const again = await renderDecisionRecord(reissued);
      expect(again.equals(await renderDecisionRecord(reissued))).toBe(true);
    },
  );

  it('gives byte-identical output for the same view', { timeout: 30_000 }, async () => {
    const a = await renderDecisionRecord(decisionView());
    const b = await renderDecisionRecord(decisionView());
    expect(a.equals(b)).toBe(true);
  });
});
