// Shared page furniture for the service's PDFs: an A4 document set up for deterministic output, a header
// band, section headings, key–value blocks, tables that break across pages, and page footers.
import PDFDocument from 'pdfkit';
import { drawnByPrimary, useFontChain } from './font-chain.ts';
import { useCjkFont } from './fonts.ts';
import { cleanText } from './format.ts';
import { rememberWidths } from './remembered-widths.ts';
import type { Label } from '../labels.ts';

export const COLOR = {
  ink: '#1b1f24',
  muted: '#5a6370',
  accent: '#1d3f6e',
  accentSoft: '#e8eef6',
  rule: '#c5ccd6',
  zebra: '#f5f7fa',
  seal: '#b3261e',
  white: '#ffffff',
} as const;

export const SIZE = { body: 9.5, small: 8, label: 8.5, heading: 12.5 } as const;

/** Ascender of Noto Sans TC as a fraction of the font size (1160/1000 units). */
const ASCENT = 1.16;

export const MARGIN = { top: 62, bottom: 58, left: 54, right: 54 } as const;

export interface DocumentMeta {
  /** Stable identifier of what the document is about; it feeds the PDF file ID. */
  id: string;
  title: string;
  subject: string;
  author: string;
  /** Used as creation and modification date so the same input yields the same bytes. */
  date: Date;
  /**
   * Write each page out as soon as the next one starts (default: keep every page until the end, so
   * footers can say "page X of Y"). A document of unbounded length streams, with
   * `streamingPageFurniture`.
   */
  streamPages?: boolean;
}

export function createDocument(meta: DocumentMeta): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    // No default font: pdfkit would load Helvetica from package files a bundle does not carry.
    font: null as unknown as string,
    bufferPages: !meta.streamPages,
    lang: 'zh-TW',
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'ogdl-fee-review',
      Producer: 'PDFKit',
      CreationDate: meta.date,
      ModDate: meta.date,
      // pdfkit derives the trailer /ID from an MD5 of the info dictionary; naming the document here
      // makes that ID both deterministic and distinct per document.
      DocumentID: meta.id,
    } as PDFKit.DocumentInfo,
  });
  useCjkFont(doc);
  rememberWidths(doc);
  useFontChain(doc);
  doc.fillColor(COLOR.ink).fontSize(SIZE.body);
  return doc;
}

/** Collects the document's bytes; call before drawing, await after `doc.end()`. */
export function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export const contentLeft = (doc: PDFKit.PDFDocument) => doc.page.margins.left;
export const contentWidth = (doc: PDFKit.PDFDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const contentBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

export function style(doc: PDFKit.PDFDocument, size: number, color: string = COLOR.ink): PDFKit.PDFDocument {
  return doc.fontSize(size).fillColor(color);
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}

/** Height of `text` at `size` when wrapped to `width`. */
export function textHeight(
  doc: PDFKit.PDFDocument,
  text: string,
  size: number,
  width: number,
  lineGap = 1.5,
): number {
  if (text === '') return 0;
  return doc.fontSize(size).heightOfString(text, { width, lineGap });
}

/** pdfkit's text loop (not in @types/pdfkit), which heightOfString runs with an unbounded height. */
interface TextLoop {
  _text(
    text: string,
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions,
    lineCallback: () => void,
  ): void;
}

/**
 * textHeight for a text that may be far taller than `limit`: the same height when it is at most
 * `limit`, else some height above `limit`. A comment of 5,000 characters is then wrapped a page deep to
 * learn that it does not fit on one page, not to its end. This is pdfkit's heightOfString with a finite
 * height: its line wrapper stops after the first line that ends below it, and a text that ends sooner
 * is measured line for line as heightOfString measures it. Text the font chain splits into runs
 * (font-chain.ts) is measured whole, through the chain.
 */
export function textHeightUpTo(
  doc: PDFKit.PDFDocument,
  text: string,
  size: number,
  width: number,
  limit: number,
  lineGap = 1.5,
): number {
  if (text === '' || !drawnByPrimary(text)) return textHeight(doc, text, size, width, lineGap);
  doc.fontSize(size);
  const { x, y } = doc;
  const line = () => doc.currentLineHeight(true) + lineGap;
  (doc as unknown as TextLoop)._text(text, x, y, { width, lineGap, height: limit + 2 * line() }, () => {
    doc.y += line();
  });
  const height = doc.y - y;
  doc.x = x;
  doc.y = y;
  return height;
}

/** Full-width coloured band at the top of the first page with the bilingual title. */
export function headerBand(doc: PDFKit.PDFDocument, title: Label, subtitle?: string): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const subtitleHeight = subtitle ? textHeight(doc, cleanText(subtitle), SIZE.label, width) + 4 : 0;
  const height = 30 + 26 + 18 + subtitleHeight + 12;
  doc.rect(0, 0, doc.page.width, height).fill(COLOR.accent);
  style(doc, 20, COLOR.white).text(title.zh, x, 26, { width, lineBreak: false });
  style(doc, 11, '#d6e0ee').text(title.en, x, 26 + 28, { width, lineBreak: false });
  if (subtitle) style(doc, SIZE.label, '#d6e0ee').text(cleanText(subtitle), x, 26 + 48, { width });
  doc.x = x;
  doc.y = height + 18;
  style(doc, SIZE.body);
}

/** Section heading: Chinese then English on one line, with a rule below; `keepWith` points must follow. */
export function sectionHeading(doc: PDFKit.PDFDocument, title: Label, keepWith = 90): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  // Never leave a heading alone at the foot of a page: keep room for a table header and a first row.
  ensureSpace(doc, 32 + keepWith);
  doc.y += 6;
  const y = doc.y;
  style(doc, SIZE.heading, COLOR.accent).text(title.zh, x, y, { lineBreak: false });
  const enX = x + doc.widthOfString(title.zh) + 8;
  // pdfkit positions text by its top; shifting by the size difference × ascent aligns the baselines.
  style(doc, SIZE.body, COLOR.muted).text(title.en, enX, y + (SIZE.heading - SIZE.body) * ASCENT, {
    width: x + width - enX,
    lineBreak: false,
  });
  const ruleY = y + 19;
  doc
    .moveTo(x, ruleY)
    .lineTo(x + width, ruleY)
    .lineWidth(0.8)
    .strokeColor(COLOR.accent)
    .stroke();
  doc.x = x;
  doc.y = ruleY + 7;
  style(doc, SIZE.body);
}

export interface KeyValueRow {
  label: Label;
  value: string;
}

/** Rows of bilingual labels and wrapped values; a row splits across pages only if it is taller than one. */
export function keyValueBlock(doc: PDFKit.PDFDocument, rows: KeyValueRow[], labelWidth = 118): void {
  const x = contentLeft(doc);
  const valueX = x + labelWidth;
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const row of rows) {
    const value = cleanText(row.value);
    const labelH =
      textHeight(doc, row.label.zh, SIZE.label, labelWidth - 8) +
      textHeight(doc, row.label.en, SIZE.small, labelWidth - 8);
    const height = Math.max(labelH, textHeight(doc, value, SIZE.body, valueWidth)) + 6;
    ensureSpace(doc, height);
    const y = doc.y;
    style(doc, SIZE.label, COLOR.ink).text(row.label.zh, x, y, { width: labelWidth - 8, lineGap: 1.5 });
    style(doc, SIZE.small, COLOR.muted).text(row.label.en, { width: labelWidth - 8, lineGap: 1.5 });
    const page = doc.bufferedPageRange().count;
    style(doc, SIZE.body).text(value, valueX, y, { width: valueWidth, lineGap: 1.5 });
    doc.x = x;
    // A value longer than a page has flowed on; continue below where it ended.
    doc.y = doc.bufferedPageRange().count === page ? y + height : doc.y + 6;
  }
  style(doc, SIZE.body);
}

export interface TableColumn {
  /** Header text; a line break separates the Chinese and English header. */
  header: string;
  /** Relative width; columns are scaled to the content width. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

const CELL_PAD = 4;

/**
 * A table with wrapped cells. A row never splits; when the next row does not fit, the table continues on
 * a new page and repeats its header row. Keep long prose out of cells (print it as notes below), since a
 * single row taller than a page cannot be laid out.
 */
export function table(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][]): void {
  const x = contentLeft(doc);
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * contentWidth(doc));

  const rowHeight = (cells: string[], size: number) =>
    Math.max(...cells.map((cell, i) => textHeight(doc, cell, size, (widths[i] ?? 0) - 2 * CELL_PAD))) +
    2 * CELL_PAD;

  const drawRow = (cells: string[], size: number, fill: string | null, color: string) => {
    const y = doc.y;
    const height = rowHeight(cells, size);
    if (fill) doc.rect(x, y, contentWidth(doc), height).fill(fill);
    let cx = x;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      style(doc, size, color).text(cell, cx + CELL_PAD, y + CELL_PAD, {
        width: w - 2 * CELL_PAD,
        align: columns[i]?.align ?? 'left',
        lineGap: 1.5,
      });
      cx += w;
    });
    doc
      .moveTo(x, y + height)
      .lineTo(x + contentWidth(doc), y + height)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.x = x;
    doc.y = y + height;
  };

  const headers = columns.map((c) => c.header);
  const header = () => drawRow(headers, SIZE.small, COLOR.accent, COLOR.white);
  const headerHeight = rowHeight(headers, SIZE.small);
  const bodyRows = rows.map((r) => r.map(cleanText));

  ensureSpace(doc, headerHeight + (bodyRows[0] ? rowHeight(bodyRows[0], SIZE.label) : 0));
  header();
  bodyRows.forEach((cells, index) => {
    if (doc.y + rowHeight(cells, SIZE.label) > contentBottom(doc)) {
      doc.addPage();
      header();
    }
    drawRow(cells, SIZE.label, index % 2 === 1 ? COLOR.zebra : null, COLOR.ink);
  });
  doc.y += 8;
  style(doc, SIZE.body);
}

/** Paragraph across the content width that may flow onto following pages. */
export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  size: number = SIZE.body,
  color?: string,
): void {
  style(doc, size, color).text(cleanText(text), contentLeft(doc), doc.y, {
    width: contentWidth(doc),
    lineGap: 1.5,
  });
  style(doc, SIZE.body);
}

export interface PageFurniture {
  /** Small running title at the top of every page after the first. */
  runningTitle: string;
  /** Left part of the footer, e.g. the document's identifier. */
  footerLeft: string;
}

/** Writes running titles and "page X / Y" footers once every page exists (pages are buffered). */
export function pageFurniture(doc: PDFKit.PDFDocument, furniture: PageFurniture): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const page = i - start + 1;
    pageMarks(doc, furniture, page, `第 ${page} / ${count} 頁 · Page ${page} of ${count}`);
  }
}

/** The number of the page being written, counting pages already written out. */
export function currentPageNumber(doc: PDFKit.PDFDocument): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count;
}

/**
 * Running titles and "page X" footers drawn as each page starts, for a document that streams its
 * pages (`streamPages`): the total is not known until the end, so the document states it in its
 * closing line instead (`closingLine`). Call right after creating the document.
 */
export function streamingPageFurniture(doc: PDFKit.PDFDocument, furniture: PageFurniture): void {
  const mark = () => {
    const page = currentPageNumber(doc);
    pageMarks(doc, furniture, page, `第 ${page} 頁 · Page ${page}`);
  };
  mark();
  doc.on('pageAdded', mark);
}

/** The document's last words: how many pages it has, so a reader can tell that none is missing. */
export function closingLine(doc: PDFKit.PDFDocument, text: (pages: number) => string): void {
  ensureSpace(doc, 30);
  doc.y += 10;
  paragraph(doc, text(currentPageNumber(doc)), SIZE.small, COLOR.muted);
}

function pageMarks(doc: PDFKit.PDFDocument, furniture: PageFurniture, page: number, pageLabel: string): void {
  // Text flowing onto a new page continues after these marks with its own position, size and colour.
  const { x: savedX, y: savedY } = doc;
  const saved = doc as unknown as { _fontSize: number; _fillColor?: [string, number] };
  const fontSize = saved._fontSize;
  const fill = saved._fillColor;
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  // Writing inside the margins would make pdfkit start a new page; lift the bottom margin meanwhile.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  if (page > 1) {
    style(doc, SIZE.small, COLOR.muted).text(cleanText(furniture.runningTitle), x, 30, {
      width,
      lineBreak: false,
    });
    doc
      .moveTo(x, 44)
      .lineTo(x + width, 44)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
  }
  const footerY = doc.page.height - 38;
  doc
    .moveTo(x, footerY - 6)
    .lineTo(x + width, footerY - 6)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  style(doc, SIZE.small, COLOR.muted).text(cleanText(furniture.footerLeft), x, footerY, {
    width: width * 0.7,
    lineBreak: false,
  });
  style(doc, SIZE.small, COLOR.muted).text(pageLabel, x, footerY, {
    width,
    align: 'right',
    lineBreak: false,
  });
  doc.page.margins.bottom = bottom;
  doc.fontSize(fontSize);
  if (fill) doc.fillColor(fill[0], fill[1]);
  doc.x = savedX;
  doc.y = savedY;
}
