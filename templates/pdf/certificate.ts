// The license certificate (授權證明書): one framed A4 page per licensee and dataset version, bilingual,
// carrying everything the domain requires (number, licensee, dataset, pinned license, grant, the three-part
// attribution statement, issue date, fee details for paid grants) and how to verify it.
import { bothOrChinese, type AgencyText } from '../agency-text.ts';
import { cleanText } from './format.ts';
import { parseDate, rocDay, taipeiDay } from '../taipei-time.ts';
import { collectBytes, COLOR, createDocument, style } from './layout.ts';
import { drawFrame, drawSeal } from './ornaments.ts';
import { drawQrCode } from './qr-code.ts';
import type { Label } from '../labels.ts';
import { money } from '../format.ts';

export type { Label };

export interface CertificateView {
  /** OGDL: open data under the OGDL. ON_APPLICATION: an individual grant under the agency's conditions of use. */
  kind: 'OGDL' | 'ON_APPLICATION';
  /** Certificate number, e.g. OGDL-2025-000123 or APL-2025-000124. */
  number: string;
  /** ISO 8601 date-time; also the PDF's creation date, so the same view gives the same bytes. */
  issuedAt: string;
  licensee: { name: string; organization?: string; email?: string };
  dataset: {
    agencyName: Label;
    title: Label;
    version: string;
    /** Hex SHA-256 of the distribution file, where known. */
    distributionSha256?: string;
  };
  /** OGDL: the license and its SPDX id. ON_APPLICATION: the grant's name and the conditions of use (no SPDX id). */
  license: {
    nameZh: string;
    nameEn: string;
    version: string;
    url: string;
    spdx?: string;
    conditionsTitle?: Label;
  };
  grantSummary: Label;
  /** OGDL: the attribution statement, three parts in order (agency/year/dataset/version; release sentence; license + URL). */
  attribution?: { zh: string[]; en: string[] };
  /** ON_APPLICATION: the 「資料來源」 line. */
  source?: Label;
  /** Present only for fee-based grants. */
  paid?: {
    scheduleId: string;
    scheduleTitle: AgencyText;
    legalBasis: string;
    lines: {
      name: AgencyText;
      unit: Label;
      quantity: number;
      unitAmountTwd: number;
      amountTwd: number;
    }[];
    subtotalTwd: number;
    /** Declared differential rate applied, 0–100. */
    reductionPercent: number;
    reductionTwd: number;
    amountTwd: number;
    purpose: string;
    /** YYYY-MM-DD, Taiwan. */
    paidOn: string;
    receiptNumber: string;
  };
  verifyUrl: string;
  jwksUrl: string;
}

/** Thrown instead of producing a certificate that lacks a required part or does not fit on one page. */
export class CertificateContentError extends Error {
  override name = 'CertificateContentError';
}

// Content is measured at full size first. If it would run into the verification block at the foot of the
// page, the page is drawn straight away at the scale that overflow predicts, and checked: nearly always it
// fits, and the certificate took one measuring pass and one drawing. Otherwise that drawing is dropped and a
// fresh document is measured at further scales until one fits, then drawn once. Measuring wraps the text
// exactly as drawing does but writes nothing, and word shapes are cached across passes (fonts.ts). Same
// input, same path: the output stays deterministic.
const MIN_SCALE = 0.7;
const TARGET = () => CONTENT_TOP + CONTENT_ROOM;

export async function renderCertificate(view: CertificateView): Promise<Buffer> {
  assertComplete(view);
  const first = certificateDocument(view);
  const full = content(new Pen(first.doc, 'measure'), view, (n) => n);
  const guess = full <= TARGET() ? 1 : predictedScale(full);
  if (draw(first.doc, view, guess) <= TARGET()) return finish(first, view);
  // Dropped unended: its bytes go nowhere.
  const second = certificateDocument(view);
  const scale = fittingScale(view, new Pen(second.doc, 'measure'), guess);
  draw(second.doc, view, scale);
  return finish(second, view);
}

function certificateDocument(view: CertificateView): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = createDocument({
    id: `certificate:${view.number}`,
    title: `授權證明書 License certificate ${view.number}`,
    subject: `${view.dataset.title.zh} ${view.dataset.title.en} v${view.dataset.version}`,
    author: view.dataset.agencyName.zh,
    date: parseDate(view.issuedAt),
  });
  // The page is laid out absolutely. pdfkit starts a new page when text passes the bottom margin; a
  // bottom margin far below the page lets overlong text run off the page instead, so a pass can
  // measure how far it reached and be redone smaller.
  doc.page.margins = { top: 0, bottom: -10 * PAGE_H, left: 0, right: 0 };
  return { doc, bytes: collectBytes(doc) };
}

/** Frame and content at `scale`; returns where the content ends. */
function draw(doc: PDFKit.PDFDocument, view: CertificateView, scale: number): number {
  drawFrame(doc);
  return content(new Pen(doc, 'draw'), view, (n) => n * scale);
}

function finish({ doc, bytes }: { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> }, view: CertificateView) {
  if (doc.bufferedPageRange().count > 1) {
    throw new CertificateContentError(`certificate ${view.number}: content does not fit on one page`);
  }
  footer(doc, view);
  doc.end();
  return bytes;
}

/**
 * The scale at which content that ends at `bottom` at full size should fit: wrapped text shrinks both
 * ways (smaller lines, and fewer of them), but labels and gaps partly do not, so on these pages height
 * goes with about the 1.3rd power of the scale; 1.25 and a 1 % allowance err on the side of fitting.
 */
function predictedScale(bottom: number): number {
  const ratio = (TARGET() - CONTENT_TOP) / (bottom - CONTENT_TOP);
  return Math.max(MIN_SCALE, Math.min(1, 0.99 * ratio ** (1 / 1.25)));
}

/**
 * The largest scale below `tooLarge`, in steps of 3 % down to MIN_SCALE, at which the content fits above
 * the foot: the rare certificate the predicted scale did not fit.
 */
function fittingScale(view: CertificateView, measure: Pen, tooLarge: number): number {
  for (let scale = Math.max(MIN_SCALE, tooLarge * 0.97); ; scale = Math.max(MIN_SCALE, scale * 0.97)) {
    if (content(measure, view, (n) => n * scale) <= TARGET()) return scale;
    if (scale === MIN_SCALE) break;
  }
  throw new CertificateContentError(`certificate ${view.number}: content does not fit on one page`);
}

/**
 * Writes text on the document, or only works out where it would end: both wrap through pdfkit with the
 * same options, so a measured page ends exactly where the drawn one will. Measuring sets no colour and
 * writes nothing to the page.
 */
class Pen {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly mode: 'measure' | 'draw',
  ) {}

  /** Places `text` with its top at `y`; returns the y below it. */
  text(
    text: string,
    x: number,
    y: number,
    size: number,
    color: string,
    options: PDFKit.Mixins.TextOptions,
  ): number {
    if (this.mode === 'measure') return y + this.doc.fontSize(size).heightOfString(text, options);
    style(this.doc, size, color).text(text, x, y, options);
    return this.doc.y;
  }

  /** Rules, tints and ornaments: drawn only when drawing, since they take no room of their own. */
  paint(draw: (doc: PDFKit.PDFDocument) => void): void {
    if (this.mode === 'draw') draw(this.doc);
  }
}

/** Heading, fields and attribution at `s`; returns where they end. */
function content(pen: Pen, view: CertificateView, s: (n: number) => number): number {
  let y = heading(pen, view, s);
  y = fields(pen, view, s, y);
  return attributionBox(pen, view, s, y);
}

function assertComplete(view: CertificateView): void {
  if (view.kind === 'ON_APPLICATION') {
    // Data on application is not OGDL data: no SPDX id, no OGDL statement, its source line instead.
    if (view.license.spdx || view.attribution || !view.source || !view.license.conditionsTitle) {
      throw new CertificateContentError(
        `certificate ${view.number}: a grant on application names its conditions of use and a source line, never the OGDL`,
      );
    }
    return;
  }
  // The domain forbids producing a certificate without all three attribution parts.
  for (const lang of ['zh', 'en'] as const) {
    const parts = view.attribution?.[lang] ?? [];
    if (parts.length !== 3 || parts.some((p) => p.trim() === '')) {
      throw new CertificateContentError(
        `certificate ${view.number}: attribution (${lang}) needs exactly three parts`,
      );
    }
  }
}

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const X = 62;
const W = PAGE_W - 2 * X;
const LABEL_W = 112;
const FOOT_H = 142; // verification block, anchored to the foot of the frame
const FOOT_TOP = PAGE_H - 44 - FOOT_H;
const CONTENT_TOP = 50;
const CONTENT_ROOM = FOOT_TOP - 10 - CONTENT_TOP;

/** What heads each kind of certificate: an OGDL record, or an individual grant on application. */
const HEADINGS: Record<CertificateView['kind'], { kicker: string; title: Label; preamble: Label }> = {
  OGDL: {
    kicker: '政府資料開放授權 · OPEN GOVERNMENT DATA LICENSING',
    title: { zh: '資料利用授權證明書', en: 'Certificate of Data License' },
    preamble: {
      zh: '本資料依政府資料開放授權條款向公眾授權；本證明書記錄下列被授權人已取得下列版本之資料。',
      en: 'The data is licensed to the public under the Open Government Data License; this certificate records that the licensee named below obtained the version below.',
    },
  },
  ON_APPLICATION: {
    kicker: '依申請提供資料 · DATA PROVIDED ON APPLICATION',
    title: { zh: '依申請提供之個別授權', en: 'License for data provided on application' },
    preamble: {
      zh: '茲證明資料提供機關依下列被授權人之申請，依下列利用條件，授權其利用下列資料集。',
      en: 'This certifies that, on the application of the licensee named below, the providing agency licensed it to use the dataset below under the conditions of use stated.',
    },
  },
};

function centered(pen: Pen, text: string, y: number, size: number, color: string, spacing = 0): number {
  return pen.text(text, X, y, size, color, { width: W, align: 'center', characterSpacing: spacing });
}

function heading(pen: Pen, view: CertificateView, s: (n: number) => number): number {
  const words = HEADINGS[view.kind];
  let y = CONTENT_TOP;
  y = centered(pen, words.kicker, y, 7.5, COLOR.muted, 1.2);
  y = centered(pen, words.title.zh, y + s(8), s(words.title.zh.length > 9 ? 21 : 25), COLOR.accent, s(4));
  y = centered(pen, words.title.en, y + s(1), s(12.5), COLOR.muted, 0.6);
  // Ornamental rule: two lines meeting a small diamond.
  const ruleY = y + s(9);
  const cx = PAGE_W / 2;
  pen.paint((doc) => {
    doc.lineWidth(0.7).strokeColor(COLOR.accent);
    doc
      .moveTo(cx - 120, ruleY)
      .lineTo(cx - 8, ruleY)
      .stroke();
    doc
      .moveTo(cx + 8, ruleY)
      .lineTo(cx + 120, ruleY)
      .stroke();
    doc.polygon([cx, ruleY - 4], [cx + 4, ruleY], [cx, ruleY + 4], [cx - 4, ruleY]).fill(COLOR.accent);
  });
  y = ruleY + s(11);

  // Number and date of issue, side by side.
  const half = W / 2;
  const numberLine = (x: number, label: string, value: string, sub?: string) => {
    const options = { width: half, align: 'center' } as const;
    let bottom = pen.text(label, x, y, 7.5, COLOR.muted, options);
    bottom = pen.text(value, x, bottom + 1, s(11.5), COLOR.ink, options);
    if (sub) bottom = pen.text(sub, x, bottom, 7.5, COLOR.muted, options);
    return bottom;
  };
  const a = numberLine(X, '證書編號 Certificate No.', cleanText(view.number));
  const b = numberLine(
    X + half,
    '發證日期 Date of issue',
    taipeiDay(view.issuedAt).zh,
    `${rocDay(view.issuedAt)} · ${taipeiDay(view.issuedAt).en}`,
  );
  y = Math.max(a, b) + s(10);

  y = pen.text(words.preamble.zh, X, y, s(9), COLOR.ink, {
    width: W,
    align: 'center',
  });
  y = pen.text(words.preamble.en, X, y + 1, s(8.5), COLOR.muted, { width: W, align: 'center' });
  return y + s(10);
}

interface Line {
  text: string;
  size: number;
  color?: string;
}

/** A hairline across the content width. */
function rule(pen: Pen, y: number): void {
  pen.paint((doc) =>
    doc
      .moveTo(X, y)
      .lineTo(X + W, y)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke(),
  );
}

/** One labelled field: bilingual label on the left, stacked value lines on the right, a hairline below. */
function field(pen: Pen, y: number, label: Label, lines: Line[], s: (n: number) => number): number {
  const vx = X + LABEL_W;
  const vw = W - LABEL_W;
  const top = y + s(4);
  let labelBottom = pen.text(label.zh, X, top, s(8.5), COLOR.accent, { width: LABEL_W - 8 });
  labelBottom = pen.text(label.en, X, labelBottom, s(7), COLOR.muted, { width: LABEL_W - 8 });
  let vy = top;
  for (const line of lines) {
    vy = pen.text(cleanText(line.text), vx, vy, line.size, line.color ?? COLOR.ink, {
      width: vw,
      lineGap: s(1),
    });
  }
  const bottom = Math.max(labelBottom, vy) + s(4);
  rule(pen, bottom);
  return bottom;
}

/**
 * The license name with its pinned version, whether or not the caller's name already carries it (the domain
 * names OGDL 政府資料開放授權條款－第1版). Chinese counts whole versions: 第1版 is version 1.0.
 */
function licenseNameZh({ nameZh, version }: CertificateView['license']): string {
  const pinned = `第${version.replace(/\.0$/, '')}版`;
  return nameZh.includes(pinned) ? nameZh : `${nameZh}－${pinned}`;
}

function licenseNameEn({ nameEn, version }: CertificateView['license']): string {
  return nameEn.includes(`version ${version}`) ? nameEn : `${nameEn}, version ${version}`;
}

function fields(pen: Pen, view: CertificateView, s: (n: number) => number, start: number): number {
  const { licensee, dataset, license, paid } = view;
  const body = s(9.5);
  const small = s(8);
  rule(pen, start);
  let y = start;

  const who: Line[] = [{ text: licensee.name, size: s(13) }];
  if (licensee.organization) who.push({ text: licensee.organization, size: body });
  if (licensee.email) who.push({ text: licensee.email, size: small, color: COLOR.muted });
  y = field(pen, y, { zh: '被授權人', en: 'Licensee' }, who, s);

  const data: Line[] = [
    { text: dataset.title.zh, size: s(11) },
    { text: dataset.title.en, size: body },
    { text: `提供機關 Provided by：${dataset.agencyName.zh} ${dataset.agencyName.en}`, size: small },
    { text: `版本 Version：${dataset.version}`, size: small },
  ];
  if (dataset.distributionSha256) {
    // Sized so the 64 hex digits stay on one line, which keeps them easy to copy and compare.
    data.push({ text: `檔案 File SHA-256：${dataset.distributionSha256}`, size: s(7.5), color: COLOR.muted });
  }
  y = field(pen, y, { zh: '資料集', en: 'Dataset' }, data, s);

  y =
    view.kind === 'OGDL'
      ? field(
          pen,
          y,
          { zh: '授權條款', en: 'License' },
          [
            { text: licenseNameZh(license), size: body },
            { text: licenseNameEn(license), size: body },
            { text: `${license.url} · SPDX ${license.spdx}`, size: small, color: COLOR.muted },
          ],
          s,
        )
      : field(
          pen,
          y,
          { zh: '授權依據', en: 'Conditions of use' },
          [
            { text: `${license.nameZh} ${license.nameEn}`, size: body },
            { text: `${license.conditionsTitle!.zh}（版本 ${license.version}）`, size: body },
            { text: `${license.conditionsTitle!.en} (version ${license.version})`, size: small },
            { text: license.url, size: small, color: COLOR.muted },
          ],
          s,
        );

  y = field(
    pen,
    y,
    { zh: '授權範圍', en: 'Grant' },
    [
      { text: view.grantSummary.zh, size: s(8.5) },
      { text: view.grantSummary.en, size: s(7.5), color: COLOR.muted },
    ],
    s,
  );

  if (paid) {
    const reduction =
      paid.reductionPercent > 0
        ? `${paid.purpose} 減收 ${paid.reductionPercent}% reduction −${money(paid.reductionTwd)}`
        : `${paid.purpose} · 無減收 No reduction`;
    y = field(
      pen,
      y,
      { zh: '收費', en: 'Fee' },
      [
        { text: `收費基準 Fee schedule：${paid.scheduleTitle.zh}（${paid.scheduleId}）`, size: s(8.5) },
        {
          text: `${paid.scheduleTitle.en === undefined ? '' : `${paid.scheduleTitle.en} · `}法令依據 Legal basis：${paid.legalBasis}`,
          size: small,
          color: COLOR.muted,
        },
        ...paid.lines.map((l) => ({
          text: `${bothOrChinese(l.name, ' ')}：${money(l.unitAmountTwd)} ${l.unit.zh} ${l.unit.en} × ${l.quantity} = ${money(l.amountTwd)}`,
          size: small,
        })),
        { text: `小計 Subtotal ${money(paid.subtotalTwd)} · ${reduction}`, size: small },
        {
          text: `已繳金額 Amount paid：${money(paid.amountTwd)}（繳費日期 Paid on ${taipeiDay(paid.paidOn).zh} · 收據號碼 Receipt No. ${paid.receiptNumber}）`,
          size: small,
        },
      ],
      s,
    );
  }
  return y;
}

function attributionBox(pen: Pen, view: CertificateView, s: (n: number) => number, start: number): number {
  const top = start + s(10);
  const pad = s(9);
  const inner = W - 2 * pad;
  const lines = (writer: Pen): number => {
    let y = top + pad;
    const put = (text: string, size: number, color: string, gap = 0) => {
      y = writer.text(text, X + pad, y, size, color, { width: inner, lineGap: s(1) }) + gap;
    };
    if (view.source) {
      put('資料來源標示 Source attribution', s(9.5), COLOR.accent);
      put(
        '利用本資料時，請標示下列資料來源。 When using the data, credit its source as follows.',
        s(7.5),
        COLOR.muted,
        s(4),
      );
      put(cleanText(view.source.zh), s(9), COLOR.ink);
      put(cleanText(view.source.en), s(8.5), COLOR.ink);
      return y + pad;
    }
    put('顯名聲明 Attribution statement', s(9.5), COLOR.accent);
    put(
      '利用本資料時，請依序完整載明下列三部分。 When using the data, state these three parts, in this order.',
      s(7.5),
      COLOR.muted,
      s(4),
    );
    for (const part of view.attribution!.zh) put(cleanText(part), s(9), COLOR.ink);
    y += s(4);
    for (const part of view.attribution!.en) put(cleanText(part), s(8.5), COLOR.ink);
    return y + pad;
  };
  // Measured before it is drawn, so the tint goes behind the text.
  const bottom = lines(new Pen(pen.doc, 'measure'));
  pen.paint((doc) => {
    doc.rect(X, top, W, bottom - top).fill(COLOR.accentSoft);
    doc.rect(X, top, 3, bottom - top).fill(COLOR.accent);
  });
  if (pen.mode === 'draw') lines(pen);
  return bottom;
}

function footer(doc: PDFKit.PDFDocument, view: CertificateView): void {
  const y = FOOT_TOP;
  const qrSize = 84;
  const sealSize = 58;
  const textX = X + qrSize + 14;
  const textW = W - qrSize - 14 - sealSize - 22;

  doc
    .moveTo(X, y)
    .lineTo(X + W, y)
    .lineWidth(0.7)
    .strokeColor(COLOR.accent)
    .stroke();
  drawQrCode(doc, view.verifyUrl, { x: X, y: y + 12, size: qrSize, color: COLOR.ink });
  style(doc, 6.5, COLOR.muted).text('掃描驗證 Scan to verify', X, y + 12 + qrSize + 4, {
    width: qrSize,
    align: 'center',
  });

  style(doc, 8.5, COLOR.accent).text('驗證本證書 Verify this certificate', textX, y + 11, { width: textW });
  style(doc, 8, COLOR.ink).text(cleanText(view.verifyUrl), textX, doc.y + 1, {
    width: textW,
    link: view.verifyUrl,
  });
  style(doc, 6.8, COLOR.muted).text(
    // Worded with few characters not printed elsewhere: each distinct CJK glyph adds ~0.3 KB to the file.
    '以 QR 碼或上列網址開啟驗證頁，核對證書編號、被授權人及資料集。驗證頁並列出本 PDF 檔之 SHA-256 值供比對' +
      '（檔案無法載明自身之 SHA-256）。證書紀錄經數位簽章，公開金鑰位於：',
    textX,
    doc.y + 3,
    { width: textW, lineGap: 0.8 },
  );
  style(doc, 6.8, COLOR.muted).text(
    "Scan the QR code or open the address above and check that the certificate number, licensee and dataset match. The verify page also shows this PDF file's SHA-256 for comparison (a file cannot state its own hash). The certificate record is digitally signed; public keys are published at:",
    textX,
    doc.y + 2,
    { width: textW, lineGap: 0.5 },
  );
  style(doc, 7, COLOR.ink).text(cleanText(view.jwksUrl), textX, doc.y + 2, {
    width: textW,
    link: view.jwksUrl,
  });

  const sealX = X + W - sealSize - 4;
  drawSeal(doc, sealX, y + 16, sealSize);
  style(doc, 6.5, COLOR.muted).text('電子核發\nIssued electronically', sealX - 12, y + 16 + sealSize + 6, {
    width: sealSize + 24,
    align: 'center',
  });
}
