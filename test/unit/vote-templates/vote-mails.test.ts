import { describe, expect, it } from 'vitest';
import type { DecisionMailView } from '#templates/mail/vote-mails';
import {
  decisionMail,
  memberOutcomeMail,
  voteExtendedMail,
  votePacketMail,
  voteReminderMail,
} from '#templates/mail/vote-mails';
import { MEMBERS, proposal, URLS } from './fixtures.ts';

const TITLE = proposal().title;
const GROUP = { zh: '交通部資料開放諮詢小組', en: 'MOTC open data advisory group' };

const lines = (text: string) => text.split('\n');

/** The Chinese part comes first, then a rule, then the English part. */
function parts(text: string): { zh: string; en: string } {
  const [zh, en, ...rest] = text.split('\n---\n');
  expect(rest).toHaveLength(0);
  return { zh: zh ?? '', en: en ?? '' };
}

describe('votePacketMail', () => {
  const mail = votePacketMail({
    member: { name: '林美惠' },
    groupName: GROUP,
    proposal: proposal(),
    ballotUrl: URLS.ballot,
    proposalUrl: URLS.proposal,
    reportUrl: URLS.report,
    deadline: '2025-05-20T15:59:00Z',
  });

  it('puts the ballot link, the proposal page and the report page on lines of their own, in both parts', () => {
    const { zh, en } = parts(mail.text);
    for (const part of [zh, en]) {
      for (const url of [URLS.ballot, URLS.proposal, URLS.report]) expect(lines(part)).toContain(url);
    }
  });

  it('carries the fee table with its cost basis and the reductions', () => {
    const { zh } = parts(mail.text);
    for (const expected of [
      '- 逐時觀測資料客製化擷取 / Customised extraction of hourly observations',
      '收費 Charge：NT$1,200 每次申請 / per request',
      '文件化單位成本 Documented unit cost：NT$1,232.50',
      '邊際單位成本 Marginal unit cost：NT$820',
      '例外理由 Exception reason：客製化擷取需人工逐筆品質檢核',
      '人事（工時×時薪） Personnel (hours × rate)｜資料查詢與品質檢核（技術員）｜1.5 × NT$520 = NT$780',
      '間接成本分攤 Allocated indirect cost｜機房與管理費用分攤｜0.25 × NT$610 = NT$152.50',
      '- 歷史雷達回波檔',
      '學術研究 Academic research：減收 50%',
    ]) {
      expect(zh).toContain(expected);
    }
    // Items are shown by name; their internal ids are not shown to people.
    expect(mail.text).not.toMatch(/\bf-0[12]\b/);
  });

  it('says the link is personal, single-use, expires at the deadline and that opening it records nothing', () => {
    const { zh, en } = parts(mail.text);
    expect(mail.subject).toContain(TITLE.zh);
    expect(mail.subject).toContain(TITLE.en);
    expect(zh).toContain('林美惠 委員您好');
    expect(zh).toContain('本連結為您個人專屬');
    expect(zh).toContain('僅能投票一次，並於投票截止時失效');
    expect(zh).toContain('開啟連結不會記錄任何內容');
    expect(zh).toContain('2025年5月20日 23:59（臺北時間）');
    expect(en).toContain('Dear 林美惠');
    expect(en).toContain('personal to you');
    expect(en).toContain('can be used to vote once, and it expires at the deadline');
    expect(en).toContain('Opening it records nothing');
    expect(en).toContain('20 May 2025, 23:59 Taipei time');
    expect(mail.text).not.toContain('UTC');
  });
});

describe('voteReminderMail and voteExtendedMail', () => {
  it('the reminder carries the fresh link on its own line and says the earlier one no longer works', () => {
    const mail = voteReminderMail({
      member: { name: '黃建國' },
      proposalTitle: TITLE,
      ballotUrl: URLS.reminderBallot,
      deadline: '2025-05-20T15:59:00Z',
    });
    const { zh, en } = parts(mail.text);

    expect(mail.subject).toMatch(/^投票提醒：.* \/ Reminder to vote: /);
    for (const part of [zh, en]) expect(lines(part)).toContain(URLS.reminderBallot);
    expect(zh).toContain('先前寄送的連結已失效');
    expect(en).toContain('the link sent to you earlier no longer works');
  });

  it('the extension notice gives the new deadline, the reason and a fresh link', () => {
    const mail = voteExtendedMail({
      member: { name: '黃建國' },
      proposalTitle: TITLE,
      ballotUrl: URLS.reminderBallot,
      deadline: '2025-05-27T15:59:00Z',
      reason: '投票人數未達出席門檻。',
    });
    const { zh, en } = parts(mail.text);

    for (const part of [zh, en]) expect(lines(part)).toContain(URLS.reminderBallot);
    expect(zh).toContain('投票期限延長一次至 2025年5月27日 23:59（臺北時間）');
    expect(zh).toContain('延長理由：投票人數未達出席門檻。');
    expect(en).toContain('extended once');
    expect(en).toContain('returned to the agency undecided');
  });
});

describe('decisionMail', () => {
  const base: DecisionMailView = {
    proposal: { title: TITLE, id: 'FP-2025-0042' },
    outcome: 'APPROVED',
    tally: {
      seats: 6,
      quorum: 3,
      cast: 5,
      counts: { APPROVE: 3, REJECT: 1, REQUEST_CHANGES: 1 },
      recused: 1,
      quorumMet: true,
    },
    positions: MEMBERS,
    decisionUrl: URLS.decision,
    effectiveFrom: '2025-07-01',
    reviewBy: '2028-07-01',
  };

  it('approved: names the outcome, the effective and review-by dates, every position and both links', () => {
    const mail = decisionMail(base);
    const { zh, en } = parts(mail.text);

    expect(mail.subject).toContain('審議結果：同意（建議通過）');
    expect(`${mail.subject}${mail.text}`).not.toContain('核定');
    expect(mail.subject).toContain('Approved');
    expect(zh).toContain('自 2025年7月1日 起生效');
    expect(zh).toContain('2028年7月1日 前重新檢討');
    expect(en).toContain('takes effect on 1 Jul 2025');
    expect(en).toContain('reviewed by 1 Jul 2028');
    expect(zh).toContain('同意 3、不同意 1、請機關修正 1');
    expect(zh).toContain('  - 黃建國（民間團體代表 Civil-society representative）：未投票 Did not vote');
    expect(zh).toContain(
      '  - 林美惠（學者專家 Scholar or expert）：利益迴避 Recuse\n    理由 Reason：本人所屬研究中心',
    );
    for (const member of MEMBERS) expect(zh).toContain(member.name);
    for (const part of [zh, en]) {
      expect(lines(part)).toContain(URLS.decision);
      expect(part).not.toContain('format=pdf'); // the page links the PDF
    }
  });

  it('says what happens next for each of the other outcomes', () => {
    const rejected = parts(decisionMail({ ...base, outcome: 'REJECTED' }).text);
    const changes = parts(decisionMail({ ...base, outcome: 'CHANGES_REQUESTED' }).text);
    const noQuorum = parts(
      decisionMail({
        ...base,
        outcome: 'NOT_DECIDED',
        tally: {
          ...base.tally,
          cast: 2,
          counts: { APPROVE: 1, REJECT: 1, REQUEST_CHANGES: 0 },
          quorumMet: false,
        },
      }).text,
    );
    const noMajority = parts(
      decisionMail({
        ...base,
        outcome: 'NOT_DECIDED',
        tally: { ...base.tally, cast: 4, counts: { APPROVE: 2, REJECT: 2, REQUEST_CHANGES: 0 } },
      }).text,
    );

    expect(rejected.zh).toContain('本案結案');
    expect(rejected.en).toContain('The case is closed');
    expect(changes.zh).toContain('修改任何收費項目者須重新公開徵詢');
    expect(changes.en).toContain('A change to any fee item means a new public consultation round');
    expect(noQuorum.zh).toContain('未達出席門檻 3 人');
    expect(noQuorum.zh).toContain('退回貴機關');
    expect(noQuorum.en).toContain('below the quorum of 3');
    expect(noMajority.zh).toContain('無任一選項獲投票數過半數');
    expect(noMajority.en).toContain('no option had a majority');
    for (const part of [rejected, changes, noQuorum, noMajority]) {
      expect(part.zh).not.toContain('起生效');
    }
  });
});

describe('votePacketMail for a revised version', () => {
  const base = {
    member: { name: '林美惠' },
    groupName: GROUP,
    proposal: { ...proposal(), version: 2 },
    ballotUrl: URLS.ballot,
    proposalUrl: URLS.proposal,
    reportUrl: URLS.report,
    deadline: '2025-05-20T15:59:00Z',
  };
  const noChanges = { added: [], removed: [], amounts: [], otherwise: [] };

  it('says in the subject that it is the revised version, and lists what changed in the fee table', () => {
    // Act
    const mail = votePacketMail({
      ...base,
      revision: {
        previousVersion: 1,
        reconsulted: true,
        changes: {
          added: [{ name: { zh: '新增圖層' }, amountTwd: 80 }],
          removed: [{ name: { zh: '紙本輸出', en: 'Paper print' }, amountTwd: 500 }],
          amounts: [{ item: { name: { zh: '地籍圖', en: 'Cadastral map' }, amountTwd: 150 }, fromTwd: 200 }],
          otherwise: [{ name: { zh: '雷達回波檔' }, amountTwd: 300 }],
        },
      },
    });

    // Assess
    expect(mail.subject).toContain('第 2 版修正案');
    expect(mail.subject).toContain('Revised review packet (version 2)');
    const { zh, en } = parts(mail.text);
    expect(zh).toContain('已重新完成公開徵詢');
    expect(zh).not.toContain('已完成公開徵詢，送請');
    for (const line of [
      '與第 1 版相較之變更 Changes since version 1：',
      '  - 新增 Added：新增圖層（NT$80）',
      '  - 刪除 Removed：紙本輸出 / Paper print（原 was NT$500）',
      '  - 調整收費 Charge changed：地籍圖 / Cadastral map NT$200 → NT$150',
      '  - 修正計費單位、成本明細或例外理由 Unit, cost lines or exception reason changed：雷達回波檔',
    ])
      expect(lines(zh)).toContain(line);
    expect(en).toContain('went through a new public consultation');
  });

  it('says a revision that kept the fee items came back without a new consultation', () => {
    const mail = votePacketMail({
      ...base,
      revision: { previousVersion: 1, reconsulted: false, changes: noChanges },
    });
    const { zh, en } = parts(mail.text);
    expect(zh).toContain('收費項目未變更，未重新公開徵詢');
    expect(zh).toContain('收費項目未變更（修正其他內容）。');
    expect(en).toContain('without a new consultation');
  });
});

describe('memberOutcomeMail', () => {
  const mail = memberOutcomeMail({
    member: { name: '陳志明' },
    proposal: { title: TITLE, id: 'p-1' },
    outcome: 'CHANGES_REQUESTED',
    tally: {
      seats: 7,
      quorum: 4,
      cast: 5,
      counts: { APPROVE: 1, REJECT: 0, REQUEST_CHANGES: 4 },
      recused: 0,
      quorumMet: true,
    },
    position: 'REQUEST_CHANGES',
    decisionUrl: URLS.decision,
  });

  it('tells the member the outcome, their own vote, the tally and what comes next, with the decision page', () => {
    const { zh, en } = parts(mail.text);
    expect(mail.subject).toContain('審議結果：請機關修正');
    expect(zh).toContain('陳志明 委員您好');
    expect(zh).toContain('您的投票：請機關修正');
    expect(zh).toContain('投票 5');
    expect(zh).toContain('新的投票連結');
    expect(en).toContain('Your vote: ');
    for (const part of [zh, en]) expect(lines(part)).toContain(URLS.decision);
  });
});
