// The two pdfkit comparisons the issue asks for, made by bending pdfkit inside this benchmark process only
// (production code is untouched):
// - `reparse`: the naive approach, the font file's bytes registered on every document, so pdfkit parses the
//   5.4 MB OTF for each one (and its word cache lives and dies with the document);
// - `helvetica`: the floor, the same layout in pdfkit's built-in Helvetica with every CJK character removed
//   (Helvetica has none), i.e. what the page costs without a font to parse, shape or subset.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { cjkFontPath } from '#templates/pdf/fonts';

export type PdfkitVariant = 'project' | 'reparse' | 'helvetica';

type Proto = Record<string, (...args: unknown[]) => unknown>;

export function applyVariant(variant: PdfkitVariant): void {
  const proto = PDFDocument.prototype as unknown as Proto;
  if (variant === 'reparse') {
    const fontBytes = readFileSync(cjkFontPath());
    const registerFont = proto.registerFont!;
    proto.registerFont = function (this: unknown, name: unknown) {
      return registerFont.call(this, name, fontBytes);
    };
  }
  if (variant === 'helvetica') {
    const registerFont = proto.registerFont!;
    proto.registerFont = function (this: unknown, name: unknown) {
      return registerFont.call(this, name, 'Helvetica');
    };
    // Everything outside Latin-1 goes: CJK, full-width punctuation, symbols Helvetica cannot encode.
    const latin = (text: unknown) =>
      typeof text === 'string' ? text.replace(/[^\u0020-\u00ff\n]/gu, '').replace(/ {2,}/g, ' ') : text;
    for (const method of ['text', 'heightOfString', 'widthOfString']) {
      const original = proto[method]!;
      proto[method] = function (this: unknown, text: unknown, ...rest: unknown[]) {
        return original.call(this, latin(text), ...rest);
      };
    }
  }
}
