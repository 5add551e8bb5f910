// A proposal whose agency gave no English: the schema takes it, and pages, mails and PDFs show the
// Chinese alone (no blank English line, no "undefined"), through templates/agency-text.ts.
import { describe, expect, it } from 'vitest';
import { AgencyTextSchema } from '#domain/common';
import { FeeItemSchema } from '#domain/fee-proposal';
import { ballotPage } from '#templates/pages/ballot';
import { votePacketMail } from '#templates/mail/vote-mails';
import { renderDecisionRecord } from '#templates/pdf/decision-record';
import { bothOrChinese, inEnglish } from '#templates/agency-text';
import { pdfText, squash } from '#test/support/pdf-text';
import { ballotView, decisionView, proposal, URLS } from '../vote-templates/fixtures.ts';

const CHINESE_ONLY = proposal({
  title: { zh: '地籍圖資料收費基準' },
  items: proposal().items.map((item, i) => ({ ...item, name: { zh: `第${i + 1}項收費` } })),
});

describe('texts the agency writes', () => {
  it('need Chinese and take English only as an option', () => {
    expect(AgencyTextSchema.safeParse({ zh: '地籍圖' }).success).toBe(true);
    expect(AgencyTextSchema.safeParse({ zh: '地籍圖', en: 'Cadastral maps' }).success).toBe(true);
    expect(AgencyTextSchema.safeParse({ en: 'Cadastral maps' }).success).toBe(false);
    const item = FeeItemSchema.safeParse({
      id: 'sheet',
      name: { zh: '圖幅' },
      unit: 'PER_FILE',
      amountTwd: 10,
      costLines: [{ category: 'MEDIA', description: '讀取', quantity: 1, unitCostTwd: 10 }],
    });
    expect(item.success).toBe(true);
  });

  it('read in Chinese alone in pairs, and in Chinese inside English sentences, where no English was given', () => {
    expect(bothOrChinese({ zh: '地籍圖' })).toBe('地籍圖');
    expect(bothOrChinese({ zh: '地籍圖', en: 'Cadastral maps' })).toBe('地籍圖 / Cadastral maps');
    expect(inEnglish({ zh: '地籍圖' })).toBe('地籍圖');
    expect(inEnglish({ zh: '地籍圖', en: 'Cadastral maps' })).toBe('Cadastral maps');
  });

  it('show on the ballot page without an empty English part', () => {
    for (const lang of ['zh', 'en'] as const) {
      const markup = ballotPage(ballotView({ proposal: CHINESE_ONLY }), { lang, switchHref: '/ballots/x' });
      expect(markup).toContain('地籍圖資料收費基準');
      expect(markup).toContain('第1項收費');
      expect(markup).not.toContain('undefined');
      expect(markup).not.toMatch(/<span class="en" lang="en">\s*<\/span>/);
    }
  });

  it('show in the review packet mail without "undefined"', () => {
    const mail = votePacketMail({
      member: { name: '林美惠' },
      groupName: { zh: '交通部資料開放諮詢小組', en: 'MOTC open data advisory group' },
      proposal: CHINESE_ONLY,
      ballotUrl: URLS.ballot,
      proposalUrl: URLS.proposal,
      reportUrl: URLS.report,
      deadline: '2025-05-20T15:59:00Z',
    });
    expect(mail.subject).toBe(
      '諮詢小組審議資料：地籍圖資料收費基準 / Advisory review packet: 地籍圖資料收費基準',
    );
    expect(mail.text).toContain('  - 第1項收費\n');
    expect(mail.text).not.toContain('undefined');
  });

  it('show in the decision record PDF on one line', { timeout: 30_000 }, async () => {
    const view = decisionView();
    const text = await pdfText(
      await renderDecisionRecord({
        ...view,
        proposal: { ...view.proposal, title: { zh: '地籍圖資料收費基準' } },
        items: (view.items ?? []).map((item) => ({ ...item, name: { zh: '圖幅' } })),
      }),
    );
    expect(squash(text)).toContain('地籍圖資料收費基準');
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('CWA fee schedule');
  });
});
