import { describe, expect, it } from 'vitest';
import { collectBytes, createDocument } from '#templates/pdf/layout';
import { pdfPageTexts, pdfText } from '#test/support/pdf-text';

async function twoPages(): Promise<Buffer> {
  const doc = createDocument({ id: 't', title: 't', subject: 't', author: 't', date: new Date(0) });
  const bytes = collectBytes(doc);
  doc.text('政府資料開放授權條款（Open Government Data License）', 60, 80);
  doc.addPage();
  doc.text('第二頁 Page two', 60, 80);
  doc.end();
  return bytes;
}

describe('pdfText', () => {
  it('reads Traditional Chinese back exactly, page by page', async () => {
    const pdf = await twoPages();
    expect(await pdfPageTexts(pdf)).toEqual([
      '政府資料開放授權條款（Open Government Data License）',
      '第二頁 Page two',
    ]);
    expect(await pdfText(pdf)).toContain('政府資料開放授權條款');
  });

  it('leaves the caller’s buffer usable', async () => {
    const pdf = await twoPages();
    await pdfText(pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
