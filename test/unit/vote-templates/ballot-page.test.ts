import { describe, expect, it } from 'vitest';
import { ballotGonePage, ballotPage, ballotRecordedPage, ballotUnknownPage } from '#templates/pages/ballot';
import { ballotView, HOSTILE, proposal, URLS } from './fixtures.ts';

const TITLE = proposal().title;
const ZH = { lang: 'zh', switchHref: '/ballots/x?lang=en' } as const;
const EN = { lang: 'en', switchHref: '/ballots/x?lang=zh' } as const;

/** Markup with white space collapsed and dropped next to tags, so formatting of the source does not matter. */
const flat = (markup: string) => markup.replace(/\s+/g, ' ').replace(/ ?([<>]) ?/g, '$1');

/** The opening tag of the element with this id, e.g. `<input type="radio" id="decision-REJECT" …>`. */
function tagWithId(page: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(page);
  if (!match) throw new Error(`no element with id ${id}`);
  return match[0];
}

describe('ballotPage', () => {
  it('escapes hostile values everywhere and carries no script at all', () => {
    // Prepare
    const hostile = ballotView({
      member: { name: HOSTILE, seat: 'SCHOLAR' },
      proposal: proposal({
        title: { zh: HOSTILE, en: HOSTILE },
        legalBasis: `"><img src=x onerror=alert(1)>`,
        items: proposal().items.map((item) => ({
          ...item,
          exceptionReason: HOSTILE,
          costLines: item.costLines.map((l) => ({ ...l, description: HOSTILE })),
        })),
      }),
      error: { message: HOSTILE, field: 'reason' },
      previous: { decision: 'REJECT', reason: `</textarea>${HOSTILE}` },
    });

    // Act
    const page = ballotPage(hostile, ZH);

    // Assess
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.toLowerCase()).not.toContain('<script');
    expect(page).not.toContain('<img');
    // Any `<` left in the output opens a real tag: none of them may carry an event handler.
    expect(page).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page.match(/<\/textarea>/g)).toHaveLength(1);
  });

  it('has a post form to the action path with four labelled choices, a reason and a button', () => {
    const page = ballotPage(ballotView(), ZH);
    const english = ballotPage(ballotView(), EN);

    expect(page).toMatch(/<form method="post" action="\/ballots\/q8Zk3vN1xYtR0pW7mA2cLs">/);
    expect(page).toMatch(/<fieldset[^>]*>\s*<legend>/);
    for (const [value, zh, en] of [
      ['APPROVE', '同意', 'Approve'],
      ['REJECT', '不同意', 'Reject'],
      ['REQUEST_CHANGES', '請機關修正', 'Request changes'],
      ['RECUSE', '利益迴避', 'Recuse'],
    ] as const) {
      const input = tagWithId(page, `decision-${value}`);
      expect(input).toContain('type="radio"');
      expect(input).toContain('name="decision"');
      expect(input).toContain(`value="${value}"`);
      expect(input).not.toContain('checked');
      expect(flat(page)).toContain(flat(`<label for="decision-${value}"><strong>${zh}</strong>`));
      expect(flat(english)).toContain(flat(`<label for="decision-${value}"><strong>${en}</strong>`));
    }
    expect(tagWithId(page, 'reason')).toContain('name="reason"');
    expect(tagWithId(page, 'reason')).toContain('aria-describedby="reason-hint"');
    expect(page).toContain('<label for="reason">');
    expect(page).toContain('必須填寫理由');
    expect(page).not.toContain('A reason is required to reject, request changes or recuse');
    expect(english).toContain('A reason is required to reject, request changes or recuse');
    expect(page).toMatch(/<button type="submit">送出投票/);
    expect(english).toMatch(/<button type="submit">Cast my vote/);
    // Nothing submits by itself, and no other form or control can post.
    expect(page.match(/<form/g)).toHaveLength(1);
    expect(page).not.toMatch(/http-equiv|autofocus|formaction/i);
  });

  it('shows the member, the proposal, the fee table with cost lines, reductions, report links and deadline', () => {
    const page = ballotPage(ballotView(), ZH);

    for (const expected of [
      '林美惠 委員',
      '學者專家',
      '中央氣象署客製化氣象資料收費基準',
      '交通部中央氣象署',
      'FP-2025-0042',
      '第 2 版',
      '規費法第10條；政府資訊公開法第22條',
      '2025年7月1日',
      // f-01: charge, documented cost 1.5 × 520 + 260 + 40 + 0.25 × 610, marginal 260 + 40
      'NT$1,200',
      'NT$1,232.50',
      'NT$820', // marginal: staff time per request (780) and delivery (40)
      '資料查詢與品質檢核（技術員）',
      'NT$152.50',
      '客製化擷取需人工逐筆品質檢核',
      '學術研究',
      '減收 50%',
      `href="${URLS.report}"`,
      `href="${URLS.reportPdf}"`,
      // 2025-05-20T15:59Z is 23:59 in Taipei
      '2025年5月20日 23:59（臺北時間）',
      'datetime="2025-05-20T15:59:00Z"',
      '開啟本頁不會記錄任何內容',
    ]) {
      expect(page).toContain(expected);
    }
    // Fee items are shown by name in the table and the cost-basis headings; their ids only in anchors.
    expect(page.replace(/(href|id|aria-labelledby)="[^"]*"/g, '')).not.toMatch(/\bf-0[12]\b/);
    expect(page).toContain('href="#item-f-01"');
    expect(page).toContain('<html lang="zh-Hant-TW">');
  });

  it('prints one language: English labels and texts on an English page, Chinese ones on a Chinese page', () => {
    // Act
    const zh = ballotPage(ballotView(), ZH);
    const en = ballotPage(ballotView(), EN);
    // Assess
    for (const expected of [
      '<html lang="en">',
      'Dear 林美惠,',
      'Scholar or expert',
      'CWA fee schedule for customised weather data',
      'Central Weather Administration',
      'version 2',
      '1 Jul 2025',
      '20 May 2025, 23:59 Taipei time',
      'Opening this page records nothing',
      'Fee table',
      'Documented unit cost',
      'Academic research: 50% off',
      'Consultation report (PDF)',
    ]) {
      expect(en).toContain(expected);
    }
    const chineseLabels = [
      '委員，您好',
      '學者專家',
      '投票截止',
      '收費項目一覽',
      '文件化單位成本',
      '成本明細',
      '差別費率',
      '學術研究',
      '徵詢結果報告',
      '您的決定',
      '送出投票',
      '（臺北時間）',
      '第 2 版',
    ];
    for (const label of chineseLabels) expect(en).not.toContain(label);
    for (const label of ['Opening this page', 'Fee table', 'Your decision', 'Cast my vote', 'Taipei time']) {
      expect(zh).not.toContain(label);
    }
    expect(en).toMatch(/<a\s+class="switch"\s+href="\/ballots\/x\?lang=zh"[^>]*>\s*中文\s*<\/a/);
  });

  it('after a refused POST keeps the choice and the reason and points at the field', () => {
    const view = ballotView({
      error: {
        message: 'A reason is required to reject, request changes or recuse.',
        field: 'reason',
        messages: { zh: '理由：請填寫。', en: 'Reason: give one.' },
      },
      previous: { decision: 'REQUEST_CHANGES', reason: '\n第一行是空行後的內容' },
    });
    const page = ballotPage(view, ZH);
    const english = ballotPage(view, EN);

    expect(tagWithId(page, 'decision-REQUEST_CHANGES')).toContain(' checked');
    expect(tagWithId(page, 'decision-APPROVE')).not.toContain('checked');
    expect(tagWithId(page, 'reason')).toContain('aria-invalid="true"');
    // The parser drops one newline after <textarea>, so the reason's own leading newline survives.
    expect(page).toContain('aria-invalid="true">\n\n第一行是空行後的內容</textarea>');
    expect(page).toContain('您的投票尚未記錄');
    expect(page).toContain('href="#reason"');
    // The refusal in the page's language alone.
    expect(page).toContain('理由：請填寫。');
    expect(page).not.toContain('Reason: give one.');
    expect(english).toContain('Your vote has not been recorded.');
    expect(english).toContain('Reason: give one.');
    expect(english).not.toContain('理由：請填寫。');
    expect(english).not.toContain('您的投票尚未記錄');
  });
});

describe('ballotRecordedPage', () => {
  it('confirms the recorded decision, reason and time and links to the decision', () => {
    const view = {
      member: { name: '林美惠' },
      proposalTitle: TITLE,
      decision: 'REQUEST_CHANGES',
      reason: '請公開人工檢核工時之計算方式。',
      castAt: '2025-05-13T01:05:00Z',
      decisionUrl: URLS.decision,
    } as const;
    const page = ballotRecordedPage(view, ZH);
    const english = ballotRecordedPage(view, EN);

    for (const expected of [
      '您的投票已記錄',
      '請機關修正',
      '請公開人工檢核工時之計算方式。',
      '2025年5月13日 09:05（臺北時間）',
      `href="${URLS.decision}"`,
    ]) {
      expect(page).toContain(expected);
    }
    for (const expected of ['your vote is recorded', 'Request changes', '13 May 2025, 09:05 Taipei time']) {
      expect(english).toContain(expected);
    }
    expect(page).not.toContain('Request changes');
    expect(english).not.toMatch(/您的投票已記錄|您的決定|記錄時間/);
    expect(page.toLowerCase()).not.toContain('<script');
    expect(page).not.toContain('<form');
  });
});

describe('ballotGonePage', () => {
  it('USED: says the link was used and shows what was recorded', () => {
    const view = {
      why: 'USED',
      proposalTitle: TITLE,
      recorded: {
        decision: 'RECUSE',
        reason: '本人所屬研究中心為主要申請者。',
        castAt: '2025-05-11T09:30:00Z',
      },
      decisionUrl: URLS.decision,
    } as const;
    const page = ballotGonePage(view, ZH);
    const english = ballotGonePage(view, EN);

    expect(page).toContain('您已投票');
    expect(page).not.toContain('You have already voted');
    expect(english).toContain('You have already voted');
    expect(english).toContain('<strong>Recuse</strong>');
    expect(english).not.toMatch(/您已投票|已記錄的決定|利益迴避/);
    expect(page).toContain('已記錄的決定');
    expect(page).toContain('<strong>利益迴避</strong>');
    expect(page).toContain('本人所屬研究中心為主要申請者。');
    expect(page).toContain('2025年5月11日 17:30（臺北時間）');
    expect(page).toContain(`href="${URLS.decision}"`);
  });

  it("EXPIRED and SUPERSEDED: say which case it is, in the reader's language, with no form", () => {
    const expired = ballotGonePage({ why: 'EXPIRED', deadline: '2025-05-20T15:59:00Z' }, ZH);
    const superseded = ballotGonePage({ why: 'SUPERSEDED', proposalTitle: TITLE }, ZH);
    const expiredEn = ballotGonePage({ why: 'EXPIRED', deadline: '2025-05-20T15:59:00Z' }, EN);
    const supersededEn = ballotGonePage({ why: 'SUPERSEDED', proposalTitle: TITLE }, EN);

    expect(expired).toContain('投票已截止');
    expect(expiredEn).toContain('Voting has closed');
    expect(expired).not.toContain('Voting has closed');
    expect(expired).toContain('2025年5月20日 23:59（臺北時間）');
    expect(expiredEn).toContain('20 May 2025, 23:59 Taipei time');
    expect(superseded).toContain('本連結已由新連結取代');
    expect(supersededEn).toContain('This link has been replaced');
    expect(supersededEn).toContain('most recent mail');
    expect(supersededEn).not.toContain('本連結已由新連結取代');
    for (const page of [expired, superseded, expiredEn, supersededEn]) {
      expect(page).not.toContain('<form');
      expect(page).not.toContain('已記錄的決定');
    }
  });

  it('CLOSED: says the vote closed, when, and that the ballot was not counted', () => {
    const view = { why: 'CLOSED', closedAt: '2025-05-12T02:03:00Z', proposalTitle: TITLE } as const;
    const page = ballotGonePage(view, ZH);
    const english = ballotGonePage(view, EN);

    expect(page).toContain('投票已結束，您的選票未被計入');
    expect(english).toContain('The vote closed before your ballot arrived');
    expect(english).toContain('The vote closed at');
    expect(page).toContain('投票結束時間');
    expect(page).toContain('2025年5月12日 10:03（臺北時間）');
    expect(page).not.toContain('<form');
  });

  it('ignores a recorded vote unless the case is USED', () => {
    const page = ballotGonePage(
      { why: 'EXPIRED', recorded: { decision: 'APPROVE', reason: '', castAt: '2025-05-11T09:30:00Z' } },
      ZH,
    );

    expect(page).toContain('投票已截止');
    expect(page).not.toContain('已記錄的決定');
  });
});

describe('ballotUnknownPage', () => {
  it('asks to check the address and says links are personal', () => {
    const page = ballotUnknownPage(ZH);
    const english = ballotUnknownPage(EN);

    expect(page).toContain('請確認網址完整');
    expect(page).not.toContain('Check that the address is complete');
    expect(english).toContain('Check that the address is complete');
    expect(english).toContain('Ballot links are personal');
    expect(english).not.toContain('請確認網址完整');
    expect(page.toLowerCase()).not.toContain('<script');
  });
});
