// The fallback font chain through real PDFs, read back with pdf.js: names in scripts Noto Sans Hant
// lacks come out as typed, in order, and text it draws alone is drawn as before, in one font.
import { describe, expect, it } from 'vitest';
import { renderCertificate } from '#templates/pdf/certificate';
import { renderConsultationReport } from '#templates/pdf/consultation-report';
import { renderDecisionRecord } from '#templates/pdf/decision-record';
import { collectBytes, createDocument } from '#templates/pdf/layout';
import { pdfText, squash } from '#test/support/pdf-text';
import { certificateView, comment, reportCounts, reportView } from './fixtures.ts';
import { decisionView, MEMBERS } from '../vote-templates/fixtures.ts';

const MIXED = '𡈽𠀋 שלום 김민';
const KB = 1024;

/** The fonts a PDF embeds, by PostScript name (pdfkit names each subset ABCDEF+Name). */
const embeddedFonts = (pdf: Buffer) =>
  [
    ...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1])),
  ].sort();

describe('the fallback font chain', () => {
  it('prints a licensee named 「𡈽𠀋 שלום 김민」 on the certificate, read back as typed and in order', async () => {
    const pdf = await renderCertificate(
      certificateView({ licensee: { name: MIXED, email: 'kim@example.tw' } }),
    );
    const text = await pdfText(pdf);
    expect(text.split('\n')).toContain(MIXED);
    expect(embeddedFonts(pdf)).toEqual([
      'NotoSansCJKtc-Regular',
      'NotoSansHant-Regular',
      'NotoSansHebrew-Regular',
    ]);
    expect(pdf.length).toBeLessThanOrEqual(80 * KB);
  });

  it('reads each script back: Hebrew and Arabic in reading order, Extension B, mathematical letters, Hangul', async () => {
    const names = ['שרה כהן', 'مريم العلي', '𠀋𡈽 林', '𝐀𝐝𝐚', '김민준'];
    for (const name of names) {
      const pdf = await renderCertificate(certificateView({ licensee: { name } }));
      expect((await pdfText(pdf)).split('\n'), name).toContain(name);
    }
  });

  it('draws a certificate the primary font covers in that font alone', async () => {
    const pdf = await renderCertificate(
      certificateView({ licensee: { name: 'Zoe\u0308 Ma\u0301rquez 林小華' } }),
    );
    expect(embeddedFonts(pdf)).toEqual(['NotoSansHant-Regular']);
  });

  it('prints commenter names in any script in the consultation report', async () => {
    const view = reportView(0);
    const comments = [0, 1].map((i) => ({ ...comment(i), authorLabel: i === 0 ? MIXED : 'مريم العلي' }));
    const pdf = await renderConsultationReport({ ...view, comments, counts: reportCounts(comments) });
    const text = squash(await pdfText(pdf));
    expect(text).toContain(squash(`提出者 Author：${MIXED}`));
    expect(text).toContain(squash('提出者 Author：مريم العلي'));
  });

  it('prints member names in any script in the decision record', { timeout: 30_000 }, async () => {
    const positions = MEMBERS.map((member, i) => (i === 0 ? { ...member, name: MIXED } : member));
    const text = squash(await pdfText(await renderDecisionRecord(decisionView({ positions }))));
    expect(text).toContain(squash(`1. ${MIXED}`));
  });

  it('measures mixed text as it draws it, wrapped over several lines', async () => {
    const doc = createDocument({ id: 'chain', title: 't', subject: 's', author: 'a', date: new Date(0) });
    const bytes = collectBytes(doc);
    const long = `${MIXED} 林小華 `.repeat(6).trim();
    const options = { width: 120, lineGap: 1 };
    const measured = doc.fontSize(11).heightOfString(long, options);
    const top = 100;
    doc.text(long, 60, top, options);
    expect(doc.y - top).toBeCloseTo(measured, 6);
    expect(measured).toBeGreaterThan(3 * doc.currentLineHeight(true));
    expect(doc.x).toBe(60);
    doc.end();
    expect(squash(await pdfText(await bytes))).toBe(squash(long));
  });

  it('centres a mixed line by its whole width', async () => {
    const doc = createDocument({ id: 'centre', title: 't', subject: 's', author: 'a', date: new Date(0) });
    const width = doc.fontSize(12).widthOfString(MIXED);
    expect(width).toBeGreaterThan(doc.widthOfString('林林'));
    // Drawn centred in 400 pt from x = 100, the line starts (400 − width) / 2 in.
    const starts: number[] = [];
    const fragment = (doc as unknown as { _fragment: (...args: unknown[]) => void })._fragment;
    (doc as unknown as { _fragment: unknown })._fragment = function (this: unknown, ...args: unknown[]) {
      starts.push(args[1] as number);
      return fragment.apply(this, args);
    };
    doc.text(MIXED, 100, 100, { width: 400, align: 'center' });
    expect(starts[0]).toBeCloseTo(100 + (400 - width) / 2, 6);
    doc.end();
  });
});
