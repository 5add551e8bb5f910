// The per-document width memo against pdfkit's own measure: the same numbers, in every font, size and
// spacing, and no more words kept than its bound, none once the document has ended.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { CJK_FONT, cjkFontPath, useCjkFont } from '#templates/pdf/fonts';
import { collectBytes } from '#templates/pdf/layout';
import { rememberWidths } from '#templates/pdf/remembered-widths';

const plain = () => {
  const doc = new PDFDocument({ font: null as unknown as string });
  useCjkFont(doc);
  return doc;
};

const WORDS = ['公', '開', '徵詢 ', 'Public ', 'consultation', '第 12 頁 · Page 12', 'NT$1,200', ' ', ''];
const SETTINGS: [number, PDFKit.Mixins.TextOptions | undefined][] = [
  [9.5, undefined],
  [8, {}],
  [8.5, { characterSpacing: 1.2 }],
  [20, { characterSpacing: 0.4, horizontalScaling: 90 } as PDFKit.Mixins.TextOptions],
];

describe('rememberWidths', () => {
  it('answers every width as pdfkit measures it, asked once or again, in each size and spacing', () => {
    const reference = plain();
    const doc = plain();
    rememberWidths(doc);
    for (let round = 0; round < 2; round++) {
      for (const [size, options] of SETTINGS) {
        reference.fontSize(size);
        doc.fontSize(size);
        for (const word of WORDS) {
          expect(doc.widthOfString(word, options), `${word} at ${size}`).toBe(
            reference.widthOfString(word, options),
          );
        }
      }
    }
  });

  it('keeps the widths of each font apart', () => {
    const bold = path.join(path.dirname(cjkFontPath()), 'NotoSansHant-Bold.otf');
    const reference = plain();
    const doc = plain();
    rememberWidths(doc);
    for (const d of [reference, doc]) d.registerFont('Bold', bold);
    expect(doc.font('Bold').fontSize(11).widthOfString('consultation')).not.toBe(
      doc.font(CJK_FONT).fontSize(11).widthOfString('consultation'),
    );
    for (const name of [CJK_FONT, 'Bold', CJK_FONT, 'Bold']) {
      reference.font(name).fontSize(11);
      doc.font(name).fontSize(11);
      for (const word of WORDS)
        expect(doc.widthOfString(word), `${word} in ${name}`).toBe(reference.widthOfString(word));
    }
  });

  it('holds no more words than its bound, and none once the document has ended', async () => {
    const doc = plain();
    const held = rememberWidths(doc, 3);
    const reference = plain();
    for (const word of WORDS) {
      expect(doc.widthOfString(word)).toBe(reference.widthOfString(word));
      expect(held()).toBeLessThanOrEqual(3);
    }
    expect(held()).toBeGreaterThan(0);
    const bytes = collectBytes(doc);
    doc.end();
    await bytes;
    expect(held()).toBe(0);
  });
});
