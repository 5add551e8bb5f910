// The consultation report (公開徵詢結果報告): the proposal as consulted on, its fee table, how many comments
// came from which identity tier, and every comment with the agency's disposition and reply. Published with
// the proposal and sent to the advisory group in the review packet.
import { bothOrChinese, type AgencyText } from '../agency-text.ts';
import { cleanText } from './format.ts';
import { taipeiDayWithRoc, taipeiMomentWithRoc } from '../taipei-time.ts';
import { commentTargetLabel, FEE_TABLE_HEADERS, feeItemLabel } from '../fee-labels.ts';
import type { Purpose } from '#domain/fee-proposal';
import { proposalRows, startReport } from './report-skeleton.ts';
import { bilingual, stacked } from './labels.ts';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  closingLine,
  COLOR,
  contentBottom,
  contentLeft,
  contentWidth,
  ensureSpace,
  keyValueBlock,
  currentPageNumber,
  paragraph,
  sectionHeading,
  SIZE,
  style,
  table,
  textHeight,
  textHeightUpTo,
  type KeyValueRow,
} from './layout.ts';
import {
  PURPOSE_LABELS,
  DISPOSITION_LABELS,
  DISPOSITIONS,
  IDENTITY_TIER_LABELS,
  SELF_DECLARED_LABEL,
  IDENTITY_TIERS,
  type Label,
} from '../labels.ts';
import type { DispositionKind, IdentityTier } from '#domain/consultation';
import { money } from '../format.ts';

export type { Label, DispositionKind, IdentityTier };

export interface ConsultationFeeItem {
  id: string;
  name: AgencyText;
  /** e.g. { zh: '每筆', en: 'per record' } */
  unit: Label;
  /** Unit charge, whole NT$. */
  amountTwd: number;
  documentedUnitCostTwd: number;
  marginalUnitCostTwd: number;
  /** Declared when the charge is above the marginal cost. */
  exceptionReason?: string;
}

export interface ConsultationComment {
  id: string;
  /** ISO 8601 date-time. */
  receivedAt: string;
  tier: IdentityTier;
  /** How the author is shown publicly (name, organisation or a pseudonym). */
  authorLabel: string;
  /** The organisation named in the label is not confirmed by the register. */
  organizationSelfDeclared: boolean;
  /** The fee item the comment targets; absent for comments on the proposal as a whole. */
  itemId?: string;
  body: string;
  /** Number of identical campaign submissions this comment stands for (absent or 1: a single comment). */
  campaignGroupSize?: number;
  disposition: DispositionKind;
  reply: string;
  /** ISO 8601 date-time. */
  answeredAt: string;
}

export interface ConsultationReportView {
  proposal: {
    id: string;
    version: number;
    title: AgencyText;
    agencyName: Label;
    legalBasis: string;
    explanationUrl?: string;
    /** ISO 8601 date. */
    effectiveFrom: string;
    datasets?: { id: string; title: Label }[];
    reductions?: { purpose: Purpose; percent: number }[];
  };
  consultation: {
    round: number;
    /** ISO 8601 date-times. */
    opensAt: string;
    /** Closing date as first announced; each extension gives the new closing date, in order. */
    closesAt: string;
    /** The closing date after every extension. */
    finalClosesAt?: string;
    days?: number;
    /** Why the consultation was shorter than the default. */
    urgencyReason?: string;
    extensions: { closesAt: string; reason: string; previousClosesAt?: string; at?: string }[];
  };
  items: ConsultationFeeItem[];
  /** What the statistics print, counted by the caller over every comment of the round. */
  counts: ReportCounts;
  /**
   * Printed in the order given (the caller sorts, normally by receivedAt); read once, as the
   * document is written, so a caller can pass thousands a page at a time.
   */
  comments: Iterable<ConsultationComment> | AsyncIterable<ConsultationComment>;
  /** ISO 8601 date-time; also the PDF's creation date, so the same view gives the same bytes. */
  generatedAt: string;
  reportUrl?: string;
}

/** Entries (a campaign counts once) and submissions (each campaign copy counts) of the round. */
export interface ReportCounts {
  entries: number;
  total: number;
  entriesByTier: Partial<Record<IdentityTier, number>>;
  byTier: Partial<Record<IdentityTier, number>>;
  entriesByDisposition: Partial<Record<DispositionKind, number>>;
  byDisposition: Partial<Record<DispositionKind, number>>;
}

const TITLE: Label = { zh: '公開徵詢結果報告', en: 'Public consultation report' };

const DISPOSITION_COLOR: Record<DispositionKind, string> = {
  ADOPTED: '#2e6b34',
  PARTLY_ADOPTED: '#9a5b00',
  NOT_ADOPTED: '#8a2b2b',
};

/** The whole report in memory: for tests and small reports; the workflow streams it (`writeConsultationReport`). */
export async function renderConsultationReport(view: ConsultationReportView): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeConsultationReport(view, collect);
  return Buffer.concat(chunks);
}

/**
 * Writes the report to `out` page by page as the comments are read: pages are not kept once
 * written (the total number of pages is printed in the closing line), so memory stays the same
 * whether the round had ten comments or ten thousand. Resolves once `out` took the last byte.
 */
export async function writeConsultationReport(view: ConsultationReportView, out: Writable): Promise<void> {
  const round = view.consultation.round;
  const { doc, finish } = startReport({
    kind: 'consultation-report',
    title: TITLE,
    proposal: view.proposal,
    issuer: view.proposal.agencyName,
    edition: { id: `:r${round}`, header: ` · 第 ${round} 輪 Round ${round}`, short: '' },
    date: view.generatedAt,
    footerMoment: `產製 Generated ${taipeiMomentWithRoc(view.generatedAt)}`,
    streamPages: true,
  });
  const written = pipeline(doc, out);
  summary(doc, view);
  feeItems(doc, view.items);
  statistics(doc, view.counts);
  await comments(doc, view);
  closingLine(doc, (pages) => `本報告共 ${pages} 頁，至此結束。 End of report: ${pages} pages.`);
  finish();
  await written;
}

function summary(doc: PDFKit.PDFDocument, view: ConsultationReportView): void {
  const { proposal, consultation } = view;
  sectionHeading(doc, { zh: '一、提案摘要', en: 'Proposal summary' });
  const rows: KeyValueRow[] = [
    ...proposalRows(proposal),
    { label: { zh: '法令依據', en: 'Legal basis' }, value: proposal.legalBasis },
  ];
  if (proposal.explanationUrl) {
    rows.push({ label: { zh: '計費說明網址', en: 'Explanation' }, value: proposal.explanationUrl });
  }
  if (proposal.datasets?.length) {
    rows.push({
      label: { zh: '適用資料集', en: 'Datasets' },
      value: proposal.datasets.map((d) => `${d.id}：${d.title.zh} ${d.title.en}`).join('\n'),
    });
  }
  if (proposal.reductions) {
    rows.push({
      label: { zh: '差別費率', en: 'Reductions' },
      value:
        proposal.reductions.length === 0
          ? '無 None'
          : proposal.reductions
              .map(
                (r) =>
                  `${PURPOSE_LABELS[r.purpose].zh} ${PURPOSE_LABELS[r.purpose].en} 減收 ${r.percent}% reduction`,
              )
              .join('\n'),
    });
  }
  rows.push(
    { label: { zh: '預定生效日', en: 'Effective from' }, value: taipeiDayWithRoc(proposal.effectiveFrom) },
    {
      label: { zh: '徵詢期間', en: 'Consultation period' },
      value:
        `第 ${consultation.round} 輪 Round ${consultation.round}：${taipeiMomentWithRoc(consultation.opensAt)} – ` +
        `${taipeiMomentWithRoc(consultation.closesAt)}（原定截止 as first announced）` +
        (consultation.days ? `\n${consultation.days} 日 days` : ''),
    },
  );
  if (consultation.urgencyReason) {
    rows.push({
      label: { zh: '縮短徵詢期間之理由', en: 'Reason for a shorter period' },
      value: consultation.urgencyReason,
    });
  }
  consultation.extensions.forEach((extension, i) => {
    rows.push({
      label: { zh: `延長公告 ${i + 1}`, en: `Extension ${i + 1}` },
      value:
        (extension.previousClosesAt ? `${taipeiMomentWithRoc(extension.previousClosesAt)} → ` : '') +
        `截止延至 Closing moved to ${taipeiMomentWithRoc(extension.closesAt)}` +
        (extension.at ? `（公告 announced ${taipeiMomentWithRoc(extension.at)}）` : '') +
        `\n理由 Reason：${extension.reason}`,
    });
  });
  rows.push({ label: { zh: '報告產製時間', en: 'Generated' }, value: taipeiMomentWithRoc(view.generatedAt) });
  if (view.reportUrl) rows.push({ label: { zh: '報告網址', en: 'Report online' }, value: view.reportUrl });
  keyValueBlock(doc, rows);
}

function feeItems(doc: PDFKit.PDFDocument, items: ConsultationFeeItem[]): void {
  sectionHeading(doc, { zh: '二、收費項目', en: 'Fee items' });
  if (items.length === 0) {
    paragraph(doc, '本提案未列收費項目。 The proposal lists no fee items.', SIZE.body, COLOR.muted);
    return;
  }
  // Exception reasons can be long prose, so they are numbered notes under the table rather than cells.
  const notes: string[] = [];
  const rows = items.map((item) => {
    let note = '';
    if (item.exceptionReason) {
      notes.push(
        `註 ${notes.length + 1} Note ${notes.length + 1}（${feeItemLabel(item).zh}）：${item.exceptionReason}`,
      );
      note = `註 ${notes.length}\nNote ${notes.length}`;
    }
    return [
      bothOrChinese(feeItemLabel(item), '\n'),
      `${item.unit.zh}\n${item.unit.en}`,
      money(item.amountTwd),
      money(item.documentedUnitCostTwd),
      money(item.marginalUnitCostTwd),
      note,
    ];
  });
  table(
    doc,
    [
      { header: stacked(FEE_TABLE_HEADERS.item), weight: 4.3 },
      { header: stacked(FEE_TABLE_HEADERS.unit), weight: 1.5 },
      { header: stacked(FEE_TABLE_HEADERS.charge), weight: 1.3, align: 'right' },
      { header: stacked(FEE_TABLE_HEADERS.documentedUnitCost), weight: 1.6, align: 'right' },
      { header: stacked(FEE_TABLE_HEADERS.marginalUnitCost), weight: 1.4, align: 'right' },
      { header: '例外理由\nException', weight: 1.1 },
    ],
    rows,
  );
  paragraph(
    doc,
    '收費不得高於文件化單位成本；高於邊際成本者須敘明例外理由。\n' +
      'A charge may not exceed the documented unit cost; a charge above the marginal cost needs a declared exception reason.',
    SIZE.small,
    COLOR.muted,
  );
  for (const note of notes) {
    doc.y += 4;
    paragraph(doc, note, SIZE.label);
  }
  doc.y += 6;
}

function statistics(doc: PDFKit.PDFDocument, counts: ReportCounts): void {
  sectionHeading(doc, { zh: '三、意見統計', en: 'Comments received' });
  const rows = <K extends string>(
    keys: K[],
    entries: Partial<Record<K, number>>,
    submissions: Partial<Record<K, number>>,
    label: (k: K) => Label,
  ) => keys.map((k) => [bilingual(label(k)), String(entries[k] ?? 0), String(submissions[k] ?? 0)]);
  const total = ['合計 Total', String(counts.entries), String(counts.total)];
  const columns = (first: string) => [
    { header: first, weight: 3 },
    { header: '意見則數\nComments', weight: 1.2, align: 'right' as const },
    { header: '含連署重複件數\nSubmissions incl. campaign copies', weight: 2, align: 'right' as const },
  ];
  table(doc, columns('提出者身分\nIdentity tier'), [
    ...rows(IDENTITY_TIERS, counts.entriesByTier, counts.byTier, (t) => IDENTITY_TIER_LABELS[t]),
    total,
  ]);
  table(doc, columns('處理結果\nDisposition'), [
    ...rows(DISPOSITIONS, counts.entriesByDisposition, counts.byDisposition, (d) => DISPOSITION_LABELS[d]),
    total,
  ]);
}

/** Unwritten output the document may hold before the next comment waits for the reader to catch up. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

async function comments(doc: PDFKit.PDFDocument, view: ConsultationReportView): Promise<void> {
  sectionHeading(doc, { zh: '四、意見及處理情形', en: 'Comments and responses' });
  if (view.counts.entries === 0) {
    paragraph(
      doc,
      '本輪徵詢期間未收到意見。\nNo comments were received during this consultation round.',
      SIZE.body,
      COLOR.muted,
    );
    return;
  }
  let number = 0;
  for await (const comment of view.comments) {
    number += 1;
    commentBlock(doc, comment, number, view.items);
    if (doc.readableLength > HIGH_WATER_BYTES) await new Promise((resolve) => doc.once('data', resolve));
  }
}

function targetLabel(itemId: string | undefined, items: readonly ConsultationFeeItem[]): string {
  const target = commentTargetLabel(itemId, items);
  return `${target.zh} ${target.en}`;
}

/** How much of a reply starts on the page of its disposition badge, at least. */
const REPLY_KEPT = 40;

function commentBlock(
  doc: PDFKit.PDFDocument,
  comment: ConsultationComment,
  number: number,
  items: readonly ConsultationFeeItem[],
): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const inner = width - 16;
  const tier = IDENTITY_TIER_LABELS[comment.tier];
  const disposition = DISPOSITION_LABELS[comment.disposition];
  const head = `意見 ${number} Comment ${number} · ${comment.id}`;
  const meta = cleanText(
    `身分 Tier：${bilingual(tier)} · 提出者 Author：${comment.authorLabel}${comment.organizationSelfDeclared ? `（${bilingual(SELF_DECLARED_LABEL)}）` : ''}\n` +
      `針對 Regarding：${targetLabel(comment.itemId, items)}`,
  );
  const received = `收件 Received ${taipeiMomentWithRoc(comment.receivedAt)}`;
  const body = cleanText(comment.body);
  // Heights only matter up to a page: a taller comment does not stay on one anyway.
  const pageRoom = contentBottom(doc) - doc.page.margins.top;
  const bodyHeight = textHeightUpTo(doc, body, SIZE.body, inner, pageRoom);
  const barHeight = 8 + 13 + textHeight(doc, meta, SIZE.small, inner) + 6;

  // A comment with its disposition and reply stays on one page when it can; a longer one at least keeps
  // its heading bar with the start of its text, and then flows on.
  const groupSize = comment.campaignGroupSize ?? 1;
  const reply = cleanText(comment.reply);
  const aboveReply = 4 + barHeight + 6 + bodyHeight + (groupSize > 1 ? 16 : 0) + 6 + 20 + 12;
  // Once what comes above the reply fills the page the whole comment cannot fit, and the reply's
  // height matters only up to the 40 points kept with its badge (below).
  const replyLimit = aboveReply <= pageRoom ? pageRoom : REPLY_KEPT;
  const replyHeight = textHeightUpTo(doc, reply, SIZE.body, inner - 10, replyLimit);
  const whole = aboveReply + replyHeight + 10;
  ensureSpace(doc, whole <= pageRoom ? whole : barHeight + Math.min(bodyHeight, 60) + 8);
  doc.y += 4;
  const y = doc.y;
  doc.rect(x, y, width, barHeight).fill(COLOR.accentSoft);
  doc.rect(x, y, 3, barHeight).fill(COLOR.accent);
  style(doc, SIZE.label, COLOR.accent).text(head, x + 10, y + 6, { width: inner * 0.62, lineBreak: false });
  style(doc, SIZE.small, COLOR.muted).text(received, x + 10, y + 7, {
    width: inner,
    align: 'right',
    lineBreak: false,
  });
  style(doc, SIZE.small, COLOR.ink).text(meta, x + 10, y + 21, { width: inner, lineGap: 1.5 });
  doc.y = y + barHeight + 6;

  style(doc, SIZE.body).text(body, x + 10, doc.y, { width: inner, lineGap: 1.5 });
  if (groupSize > 1) {
    doc.y += 3;
    style(doc, SIZE.small, COLOR.muted).text(
      `本則代表 ${groupSize} 份內容相同之連署意見。 Stands for ${groupSize} identical campaign submissions.`,
      x + 10,
      doc.y,
      { width: inner },
    );
  }

  // DispositionKind badge, then the reply.
  doc.y += 6;
  ensureSpace(doc, 18 + Math.min(replyHeight, REPLY_KEPT));
  const badgeY = doc.y;
  const badgeText = bilingual(disposition);
  style(doc, SIZE.label, COLOR.white);
  const badgeWidth = doc.widthOfString(badgeText) + 12;
  doc.roundedRect(x + 10, badgeY, badgeWidth, 15, 3).fill(DISPOSITION_COLOR[comment.disposition]);
  style(doc, SIZE.label, COLOR.white).text(badgeText, x + 16, badgeY + 2.5, { lineBreak: false });
  style(doc, SIZE.small, COLOR.muted).text(
    `處理結果 DispositionKind · 回覆 Answered ${taipeiMomentWithRoc(comment.answeredAt)}`,
    x + 18 + badgeWidth,
    badgeY + 3.5,
    { width: inner - badgeWidth - 10, lineBreak: false },
  );
  doc.y = badgeY + 20;
  style(doc, SIZE.small, COLOR.muted).text('機關回覆 Agency reply', x + 10, doc.y, { width: inner });
  doc.y += 1;
  const replyStartPage = currentPageNumber(doc);
  const replyY = doc.y;
  style(doc, SIZE.body).text(reply, x + 20, replyY, { width: inner - 10, lineGap: 1.5 });
  // A rule beside the reply marks it as the agency's words, when the reply stayed on one page.
  if (currentPageNumber(doc) === replyStartPage && doc.y <= contentBottom(doc)) {
    doc
      .moveTo(x + 12, replyY + 1)
      .lineTo(x + 12, doc.y - 2)
      .lineWidth(1.5)
      .strokeColor(DISPOSITION_COLOR[comment.disposition])
      .stroke();
  }
  doc.x = x;
  doc.y += 10;
  style(doc, SIZE.body);
}
