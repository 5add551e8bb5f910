import { describe, expect, it } from 'vitest';
import { renderConsultationReport } from '#templates/pdf/consultation-report';
import { pdfPageTexts, pdfText, squash } from '#test/support/pdf-text';
import { comment, reportCounts, reportView } from './fixtures.ts';

const LABEL = {
  ADOPTED: '採納Adopted',
  PARTLY_ADOPTED: '部分採納Partlyadopted',
  NOT_ADOPTED: '不採納Notadopted',
};

describe('renderConsultationReport', () => {
  it('with no comments: summary, fee table and a statement that none were received', async () => {
    const pages = await pdfPageTexts(await renderConsultationReport(reportView(0)));
    const text = squash(pages.join('\n'));
    for (const expected of [
      '公開徵詢結果報告',
      'Publicconsultationreport',
      'FSP-2025-0042',
      '規費法第10條',
      '2025年7月1日（民國114年）',
      '截止延至Closingmovedto2025年4月16日（民國114年）23:59（臺北時間）',
      '原定截止',
      '逐時觀測資料（每筆）',
      '文件化單位成本',
      '邊際單位成本',
      'NT$1,200',
      '資料需經人工品質檢核',
      '本輪徵詢期間未收到意見',
      `第1頁`,
      `本報告共${pages.length}頁`,
    ]) {
      expect(text).toContain(squash(expected));
    }
    // Items are shown by name; their internal ids are not shown to people.
    for (const id of ['F-01', 'F-02']) {
      expect(text).not.toContain(id);
    }
  });

  it(
    'with 150 comments: every body, its disposition label and the reply, over more pages',
    { timeout: 30_000 },
    async () => {
      const view = reportView(150);
      const [empty, full] = await Promise.all([
        renderConsultationReport(reportView(0)),
        renderConsultationReport(view),
      ]);
      const emptyPages = await pdfPageTexts(empty);
      const pages = await pdfPageTexts(full);
      expect(pages.length).toBeGreaterThan(emptyPages.length + 10);
      // Pages stream out as written: each says its number, the last line says how many there are.
      pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 頁`));
      expect(squash(pages.at(-1)!)).toContain(squash(`本報告共 ${pages.length} 頁，至此結束。`));

      const text = squash(pages.join('\n'));
      // Each comment's block runs from its heading to the next comment's heading.
      view.comments.forEach((c, i) => {
        const start = text.indexOf(squash(`意見 ${i + 1} Comment ${i + 1} · ${c.id}`));
        const end = text.indexOf(squash(`意見 ${i + 2} Comment ${i + 2} ·`), start);
        expect(start, c.id).toBeGreaterThan(0);
        const block = text.slice(start, end === -1 ? undefined : end);
        expect(block).toContain(squash(c.body));
        expect(block).toContain(LABEL[c.disposition]);
        expect(block).toContain(squash(c.reply));
      });
      // Counts: 50 per tier and per disposition; 150 comments and their campaign copies in total.
      const copies = view.comments.reduce((n, c) => n + (c.campaignGroupSize ?? 1), 0);
      expect(text).toContain(squash(`合計 Total 150 ${copies}`));
      expect(text).toContain(squash('未驗證 Unverified 50'));
    },
  );

  it(
    'survives long unbroken strings, mixed scripts, combining marks, RTL and astral characters',
    { timeout: 30_000 },
    async () => {
      const view = reportView(3);
      const odd = [
        `https://example.tw/${'a'.repeat(3000)}`,
        '𠀋𡈽𪚥 e\u0301 Zoë Nguyễn שלום עולם مرحبا 👩🏽‍💻 中文English混排ＡＢＣ１２３',
        'x\u0000y\u200Bz\uD800 \r\nnext line\ttab',
        '長'.repeat(4000),
      ];
      const comments = odd.map((body, i) => ({
        ...comment(i),
        body,
        reply: body,
        authorLabel: body.slice(0, 200),
      }));
      const pdf = await renderConsultationReport({
        ...view,
        comments,
        counts: reportCounts(comments),
        proposal: { ...view.proposal, legalBasis: odd[0] ?? '' },
        items: [...view.items, { ...view.items[0]!, id: 'F-99', exceptionReason: odd[3] }],
      });
      const text = squash(await pdfText(pdf));
      expect(text).toContain('Zoë');
      expect(text).toContain('中文English混排');
      expect(text).toContain('a'.repeat(200));
    },
  );

  it('names the item a comment targets, or says it targets the whole proposal', async () => {
    const view = reportView(0);
    const comments = [
      { ...comment(0), itemId: 'F-02' },
      { ...comment(1), itemId: undefined },
      { ...comment(2), itemId: 'F-77' },
    ];
    const text = squash(
      await pdfText(await renderConsultationReport({ ...view, comments, counts: reportCounts(comments) })),
    );
    expect(text).toContain(squash('針對 Regarding：客製化區域資料擷取 Customised regional extraction'));
    expect(text).toContain(squash('針對 Regarding：整體提案 the whole proposal'));
    expect(text).toContain(squash('針對 Regarding：非本版之收費項目 a fee item not in this version'));
    expect(text).not.toContain('F-02');
    expect(text).not.toContain('F-77');
  });

  it('gives byte-identical output for the same view', { timeout: 30_000 }, async () => {
    const a = await renderConsultationReport(reportView(20));
    const b = await renderConsultationReport(reportView(20));
    expect(a.equals(b)).toBe(true);
  });
});
