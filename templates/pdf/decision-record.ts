// The decision record (審議結果紀錄) of an advisory group's vote on one proposal version: the proposal, the
// group, the vote period with any extension, the quorum rule and whether it was met, the counts, the outcome
// and every member's position by name with seat and reason. Published with the decision and sent to the
// agency; the same view always gives the same bytes.
import { bothOrChinese, type AgencyText } from '../agency-text.ts';
import type { Seat } from '#domain/advisory-group';
import type { BallotDecision } from '#domain/vote-tally';
import type { FeeLawChecklistEntry } from '#domain/fee-law-steps';
import { cleanText } from './format.ts';
import { parseDate, taipeiDay, taipeiDayWithRoc, taipeiMomentWithRoc } from '../taipei-time.ts';
import { proposalRows, startReport } from './report-skeleton.ts';
import { bilingual, stacked } from './labels.ts';
import { FEE_TABLE_HEADERS, feeItemLabel } from '../fee-labels.ts';
import {
  collectBytes,
  COLOR,
  contentBottom,
  contentLeft,
  contentWidth,
  ensureSpace,
  keyValueBlock,
  paragraph,
  sectionHeading,
  SIZE,
  style,
  table,
  textHeight,
  type KeyValueRow,
} from './layout.ts';
import {
  FEE_LAW_STEP_LABELS,
  FEE_LAW_STEP_REFERENCE_LABELS,
  OUTCOME_LABELS,
  positionLabel,
  SEAT_LABELS,
  type Label,
} from '../labels.ts';
import type { DecisionOutcome } from '#domain/records';
import { money, percent } from '../format.ts';

export type { DecisionOutcome };

export interface DecisionPosition {
  name: string;
  seat: Seat;
  /** null: the member did not vote by the (last) deadline. */
  decision: BallotDecision | null;
  /** The member's reason as written; empty or absent when none was given. */
  reason?: string;
  /** ISO 8601 date-time the ballot was cast. */
  castAt?: string;
}

export interface DecisionRecordView {
  proposal: { id: string; version: number; title: AgencyText; agencyName: Label };
  group: { name: Label };
  /** The group's decision rule: simple majority of votes cast, with this share of seats as quorum. */
  rule: { quorumFraction: number };
  vote: {
    /** ISO 8601 date-times: when the ballots went out, and the deadline first set. */
    opensAt: string;
    deadline: string;
    /** Each extension's new deadline and why, in order. */
    extensions: { deadline: string; reason: string }[];
  };
  /** As tallyVotes counts it: seats exclude recused members; cast counts approve, reject and changes. */
  tally: {
    seats: number;
    recused: number;
    quorum: number;
    cast: number;
    counts: { APPROVE: number; REJECT: number; REQUEST_CHANGES: number };
    /** At least `quorum` seated members voted (tallyVotes decides it). */
    quorumMet: boolean;
  };
  outcome: DecisionOutcome;
  /** Every member of the group, in the order to print (the caller sorts). */
  positions: DecisionPosition[];
  /** ISO 8601 date-time the result became final; also the PDF's date, so the same view gives the same bytes. */
  decidedAt: string;
  /** For APPROVED: ISO 8601 dates. */
  effectiveFrom?: string;
  reviewBy?: string;
  decisionUrl?: string;
  /**
   * After a favourable vote, where the steps of 規費法 §10 are required: each step recorded when this
   * revision was issued (none in the record published with the decision), in the law's order
   * (feeLawChecklist), the others as still to come.
   */
  feeLawSteps?: FeeLawChecklistEntry[];
  /** The effective date the announcement fixed (it may differ from the one decided on). */
  announcedEffectiveFrom?: string;
  /**
   * A revision re-issued after a step; absent for the record published with the decision. Its date
   * is the PDF's date, so the same view still gives the same bytes.
   */
  revision?: {
    number: number;
    issuedAt: string;
    /** The revision it replaces as the current one (0: the record published with the decision). */
    supersedes: { number: number; issuedAt: string; sha256: string };
  };
  /** The fee table of the version reviewed. */
  items?: {
    id: string;
    name: AgencyText;
    unit: Label;
    amountTwd: number;
    documentedUnitCostTwd: number;
    marginalUnitCostTwd: number;
  }[];
}

const TITLE: Label = { zh: '審議結果紀錄', en: 'Decision record' };

const OUTCOME_COLOR: Record<DecisionOutcome, string> = {
  APPROVED: '#2e6b34',
  REJECTED: '#8a2b2b',
  CHANGES_REQUESTED: '#9a5b00',
  NOT_DECIDED: '#4a5563',
};

const POSITION_COLOR: Record<BallotDecision | 'NONE', string> = {
  APPROVE: '#2e6b34',
  REJECT: '#8a2b2b',
  REQUEST_CHANGES: '#9a5b00',
  RECUSE: '#5a4a8a',
  NONE: '#8a929e',
};

export async function renderDecisionRecord(view: DecisionRecordView): Promise<Buffer> {
  const revision = view.revision?.number;
  const { doc, finish } = startReport({
    kind: 'decision-record',
    title: TITLE,
    proposal: view.proposal,
    issuer: view.group.name,
    ...(revision
      ? {
          edition: {
            id: `:r${revision}`,
            header: ` · 第 ${revision} 次修訂 Revision ${revision}`,
            short: ` r${revision}`,
          },
        }
      : {}),
    date: view.revision?.issuedAt ?? view.decidedAt,
    footerMoment: `決議 Decided ${taipeiMomentWithRoc(view.decidedAt)}`,
  });
  const bytes = collectBytes(doc);
  revisionNotice(doc, view);
  outcomePanel(doc, view);
  proposalSection(doc, view);
  procedureSection(doc, view);
  resultSection(doc, view);
  feeTableSection(doc, view);
  positionsSection(doc, view);
  feeLawStepsSection(doc, view);
  finish();
  return bytes;
}

/** The revision notice under the header: what this revision adds, and which one it supersedes. */
function revisionNotice(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  const { revision } = view;
  if (!revision) return;
  const text = cleanText(
    `本紀錄第 ${revision.number} 次修訂版，於 ${taipeiMomentWithRoc(revision.issuedAt)} 因登錄規費法第 10 條程序而重新發布，` +
      `取代${revision.supersedes.number === 0 ? '原紀錄' : `第 ${revision.supersedes.number} 次修訂版`}` +
      `（${taipeiMomentWithRoc(revision.supersedes.issuedAt)} 發布，SHA-256 ${revision.supersedes.sha256}）。` +
      '表決及審議結果均未變更，僅增列其後登錄之程序（見「五、規費法第 10 條程序」）；先前各版照原樣保存。\n' +
      `Revision ${revision.number} of this record, issued ${taipeiMomentWithRoc(revision.issuedAt)} when a step under ` +
      `規費法 §10 was recorded. It supersedes ${revision.supersedes.number === 0 ? 'the original record' : `revision ${revision.supersedes.number}`} ` +
      `(issued ${taipeiMomentWithRoc(revision.supersedes.issuedAt)}, SHA-256 ${revision.supersedes.sha256}). ` +
      'The vote and its result are unchanged; only the steps recorded since are added (section 5). Every earlier version is kept as issued.',
  );
  paragraph(doc, text, SIZE.small, COLOR.muted);
  doc.y += 6;
}

/** After a favourable vote: each step of 規費法 §10 as recorded, or still to come. */
function feeLawStepsSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  const steps = view.feeLawSteps;
  if (view.outcome !== 'APPROVED' || !steps) return;
  sectionHeading(doc, { zh: '五、規費法第 10 條程序', en: 'Steps under 規費法 §10' }, 120);
  paragraph(
    doc,
    '諮詢小組之審議結果為建議；收費基準由機關取得規費主管機關同意、送民意機關備查並公告後，依生效日實施。\n' +
      'The advisory group recommends; the agency sets the schedule after the fee authority’s consent, the filing with the representative body and the announcement, and it applies from its effective date.',
    SIZE.small,
    COLOR.muted,
  );
  doc.y += 4;
  const rows: KeyValueRow[] = steps.map(({ step: kind, recorded: step }) => {
    return {
      label: FEE_LAW_STEP_LABELS[kind],
      value: step
        ? `日期 Date ${taipeiDayWithRoc(step.date)}\n${FEE_LAW_STEP_REFERENCE_LABELS[kind].zh} ${FEE_LAW_STEP_REFERENCE_LABELS[kind].en}：${step.reference}` +
          (step.url ? `\n${step.url}` : '')
        : '尚未登錄 Not yet recorded',
    };
  });
  if (view.announcedEffectiveFrom)
    rows.push({
      label: { zh: '公告之生效日', en: 'Effective from (announced)' },
      value: taipeiDayWithRoc(view.announcedEffectiveFrom),
    });
  keyValueBlock(doc, rows);
}

/** The last deadline: the first one, or the last extension's. */
const finalDeadline = (view: DecisionRecordView): string =>
  view.vote.extensions.at(-1)?.deadline ?? view.vote.deadline;

/** Why a vote ended without a decision, from the counts. */
function notDecidedBecause(view: DecisionRecordView): Label {
  return view.tally.quorumMet
    ? { zh: '無任一選項獲投票數過半數。', en: 'No option had a majority of the votes cast.' }
    : {
        zh: `投票人數 ${view.tally.cast} 人，未達出席門檻 ${view.tally.quorum} 人。`,
        en: `${view.tally.cast} members voted, below the quorum of ${view.tally.quorum}.`,
      };
}

/** One line on the outcome, then the dates that follow from it. */
function outcomeSummary(view: DecisionRecordView): Label {
  const { counts, cast } = view.tally;
  switch (view.outcome) {
    case 'APPROVED':
      return {
        zh: `同意 ${counts.APPROVE} 票，過投票數 ${cast} 票之半數。審議結果：同意（建議通過）。`,
        en: `${counts.APPROVE} of ${cast} votes cast approve. Result: approved, recommended to the agency.`,
      };
    case 'REJECTED':
      return {
        zh: `不同意 ${counts.REJECT} 票，過投票數 ${cast} 票之半數，提案否決。`,
        en: `${counts.REJECT} of ${cast} votes cast reject: the proposal is rejected.`,
      };
    case 'CHANGES_REQUESTED':
      return {
        zh: `請機關修正 ${counts.REQUEST_CHANGES} 票，過投票數 ${cast} 票之半數，退請機關修正。`,
        en: `${counts.REQUEST_CHANGES} of ${cast} votes cast request changes: the agency is to revise the proposal.`,
      };
    case 'NOT_DECIDED': {
      const because = notDecidedBecause(view);
      return {
        zh: `${because.zh}未能作成決議，退回機關。`,
        en: `${because.en} No decision was reached; the proposal is returned to the agency.`,
      };
    }
  }
}

function outcomePanel(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const label = OUTCOME_LABELS[view.outcome];
  const color = OUTCOME_COLOR[view.outcome];
  const summary = outcomeSummary(view);
  const dates =
    view.outcome === 'APPROVED' && view.effectiveFrom
      ? `生效日 Effective from ${taipeiDayWithRoc(view.effectiveFrom)}` +
        (view.reviewBy ? ` · 檢討期限 Review by ${taipeiDayWithRoc(view.reviewBy)}` : '')
      : '';
  const inner = width - 24;
  const text = cleanText(`${summary.zh}\n${summary.en}${dates ? `\n${dates}` : ''}`);
  const height = 14 + 32 + textHeight(doc, text, SIZE.body, inner) + 12;
  const y = doc.y;
  doc.rect(x, y, width, height).fill('#f6f7f9');
  doc.rect(x, y, 4, height).fill(color);
  style(doc, SIZE.small, COLOR.muted).text('審議結果 Outcome', x + 14, y + 10, { lineBreak: false });
  style(doc, SIZE.small, COLOR.muted).text(
    `決議日期 Decided ${taipeiDayWithRoc(view.decidedAt)}`,
    x + 14,
    y + 10,
    {
      width: inner,
      align: 'right',
      lineBreak: false,
    },
  );
  style(doc, 15, color).text(`${label.zh}  ${label.en}`, x + 14, y + 22, { width: inner, lineBreak: false });
  style(doc, SIZE.body, COLOR.ink).text(text, x + 14, y + 46, { width: inner, lineGap: 1.5 });
  doc.x = x;
  doc.y = y + height + 12;
  style(doc, SIZE.body);
}

function proposalSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  sectionHeading(doc, { zh: '一、審議案件', en: 'The proposal' });
  keyValueBlock(doc, proposalRows(view.proposal));
}

function procedureSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  const { vote } = view;
  sectionHeading(doc, { zh: '二、審議程序', en: 'Procedure' });
  const rows: KeyValueRow[] = [
    {
      label: { zh: '審議單位', en: 'Advisory group' },
      value: `${view.group.name.zh}\n${view.group.name.en}`,
    },
    {
      label: { zh: '表決規則', en: 'Decision rule' },
      value:
        `出席門檻：應計席次（在任委員扣除利益迴避者）之 ${percent(view.rule.quorumFraction)} 以上投票；` +
        `決議：同意、不同意、請機關修正中任一選項獲投票數過半數。\n` +
        `Quorum: at least ${percent(view.rule.quorumFraction)} of the seats (members less recusals) vote; ` +
        `decision: an option with more than half of the votes cast (approve, reject, request changes).`,
    },
    {
      label: { zh: '審議方式', en: 'Form of review' },
      value:
        '書面審查：審查資料（提案版次、收費表及成本依據、徵詢結果報告）及個人選票連結以電子郵件寄送各委員，委員以選票表決。\n' +
        'Written review by mailed ballots: the packet (proposal version, fee table with cost basis, consultation report) and a personal ballot link were mailed to each member, who voted by ballot.',
    },
    { label: { zh: '審查資料寄送', en: 'Packet sent' }, value: taipeiMomentWithRoc(vote.opensAt) },
    { label: { zh: '投票截止', en: 'Deadline' }, value: taipeiMomentWithRoc(vote.deadline) },
  ];
  vote.extensions.forEach((extension, i) => {
    rows.push({
      label: { zh: `延長 ${i + 1}`, en: `Extension ${i + 1}` },
      value: `截止延至 Deadline moved to ${taipeiMomentWithRoc(extension.deadline)}\n${extension.reason}`,
    });
  });
  const early = parseDate(view.decidedAt).getTime() < parseDate(finalDeadline(view)).getTime();
  rows.push({
    label: { zh: '結果確定', en: 'Decided' },
    value:
      taipeiMomentWithRoc(view.decidedAt) +
      (early
        ? '\n截止前結果已確定：其餘委員無論如何投票均不影響結果。\n' +
          'Final before the deadline: no remaining ballot could have changed the result.'
        : ''),
  });
  if (view.decisionUrl) rows.push({ label: { zh: '公布網址', en: 'Published at' }, value: view.decisionUrl });
  keyValueBlock(doc, rows);
  doc.y += 4;
}

function resultSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  const { tally } = view;
  const approvedDates =
    view.outcome === 'APPROVED' ? Number(!!view.effectiveFrom) + Number(!!view.reviewBy) : 0;
  // The counts and what follows from them belong together: the table, then the rows below it.
  const next = nextSteps(view);
  sectionHeading(
    doc,
    { zh: '三、表決結果', en: 'Result' },
    60 +
      (2 + approvedDates) * 30 +
      textHeight(doc, `${next.zh}\n${next.en}`, SIZE.body, contentWidth(doc) - 118) +
      6,
  );
  const met = tally.quorumMet;
  const notVoted = Math.max(0, tally.seats - tally.cast);
  // One row of counts: narrow enough to read across, and it never pushes the section to a new page.
  table(
    doc,
    [
      { header: '小組委員\nMembers', weight: 1, align: 'right' },
      { header: '利益迴避\nRecused', weight: 1, align: 'right' },
      { header: '應計席次\nSeats', weight: 1, align: 'right' },
      { header: '出席門檻\nQuorum', weight: 1, align: 'right' },
      { header: '投票數\nVotes cast', weight: 1, align: 'right' },
      { header: '同意\nApprove', weight: 1, align: 'right' },
      { header: '不同意\nReject', weight: 1, align: 'right' },
      { header: '請機關修正\nRequest changes', weight: 1.25, align: 'right' },
      { header: '未投票\nDid not vote', weight: 1, align: 'right' },
    ],
    [
      [
        tally.seats + tally.recused,
        tally.recused,
        tally.seats,
        tally.quorum,
        tally.cast,
        tally.counts.APPROVE,
        tally.counts.REJECT,
        tally.counts.REQUEST_CHANGES,
        notVoted,
      ].map(String),
    ],
  );
  keyValueBlock(doc, [
    {
      label: { zh: '出席門檻', en: 'Quorum' },
      value: met
        ? `已達到（${tally.cast} ≥ ${tally.quorum}） Met (${tally.cast} of at least ${tally.quorum})`
        : `未達到（${tally.cast} < ${tally.quorum}） Not met (${tally.cast}, at least ${tally.quorum} needed)`,
    },
    { label: { zh: '審議結果', en: 'Outcome' }, value: bilingual(OUTCOME_LABELS[view.outcome]) },
    ...(view.outcome === 'APPROVED'
      ? [
          view.effectiveFrom
            ? { label: { zh: '生效日', en: 'Effective from' }, value: taipeiDayWithRoc(view.effectiveFrom) }
            : undefined,
          view.reviewBy
            ? { label: { zh: '檢討期限', en: 'Review by' }, value: taipeiDayWithRoc(view.reviewBy) }
            : undefined,
        ].filter((r): r is KeyValueRow => r !== undefined)
      : []),
    { label: { zh: '後續處理', en: 'What happens next' }, value: `${next.zh}\n${next.en}` },
  ]);
}

function positionsSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  sectionHeading(doc, { zh: '四、委員立場及理由', en: "Members' positions and reasons" });
  paragraph(
    doc,
    "每位委員之立場依姓名記錄並隨審議結果公布。\nEvery member's position is recorded by name and published with the decision.",
    SIZE.small,
    COLOR.muted,
  );
  doc.y += 6;
  if (view.positions.length === 0) {
    paragraph(doc, '無委員資料。 No members are listed.', SIZE.body, COLOR.muted);
    return;
  }
  const early = parseDate(view.decidedAt).getTime() < parseDate(finalDeadline(view)).getTime();
  view.positions.forEach((position, i) => positionBlock(doc, position, i + 1, early));
}

/** The fee table the members reviewed: each item's charge beside its documented and marginal cost. */
function feeTableSection(doc: PDFKit.PDFDocument, view: DecisionRecordView): void {
  if (!view.items || view.items.length === 0) return;
  sectionHeading(doc, { zh: '審議之收費表', en: 'Fee table reviewed' });
  table(
    doc,
    [
      { header: stacked(FEE_TABLE_HEADERS.item), weight: 3 },
      { header: stacked(FEE_TABLE_HEADERS.unit), weight: 1.4 },
      { header: stacked(FEE_TABLE_HEADERS.charge), weight: 1.2, align: 'right' },
      { header: stacked(FEE_TABLE_HEADERS.documentedUnitCost), weight: 1.4, align: 'right' },
      { header: stacked(FEE_TABLE_HEADERS.marginalUnitCost), weight: 1.4, align: 'right' },
    ],
    view.items.map((i) => [
      bothOrChinese(feeItemLabel(i), '\n'),
      `${i.unit.zh}\n${i.unit.en}`,
      money(i.amountTwd),
      money(i.documentedUnitCostTwd),
      money(i.marginalUnitCostTwd),
    ]),
  );
}

/** Members who had not voted when an early result became final are cut off, not absent. */
const CUT_OFF = { zh: '結果確定時尚未投票', en: 'Had not voted when the result became final' };

function positionBlock(
  doc: PDFKit.PDFDocument,
  position: DecisionPosition,
  number: number,
  early: boolean,
): void {
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  const badgeWidth = 118;
  const textX = x + badgeWidth + 12;
  const textWidth = width - badgeWidth - 12;
  const label = position.decision === null && early ? CUT_OFF : positionLabel(position.decision);
  const color = POSITION_COLOR[position.decision ?? 'NONE'];
  const seat = SEAT_LABELS[position.seat];
  const who = cleanText(`${number}. ${position.name}`);
  const seatText = `${seat.zh} ${seat.en}`;
  const cast = position.castAt ? `投票 Cast ${taipeiMomentWithRoc(position.castAt)}` : '';
  const reason = cleanText(position.reason ?? '').trim();
  const reasonText =
    position.decision === null ? '' : reason === '' ? '（未附理由） (no reason given)' : reason;

  // Name and seat share a line when they fit beside the time of the ballot; otherwise the seat goes below.
  const nameWidth = textWidth * 0.7;
  const nameHeight = textHeight(doc, who, SIZE.body, nameWidth);
  const whoWidth = style(doc, SIZE.body).widthOfString(who);
  const seatWidth = style(doc, SIZE.small).widthOfString(seatText);
  const seatInline = nameHeight < SIZE.body * 2 && whoWidth + 10 + seatWidth <= nameWidth;
  const headHeight = Math.max(18, nameHeight + (seatInline ? 0 : 12)) + 2;
  const reasonHeight = textHeight(doc, reasonText, SIZE.body, textWidth);
  const whole = 4 + headHeight + reasonHeight + 10;
  const pageRoom = contentBottom(doc) - doc.page.margins.top;
  // A member's block stays on one page when it can; a long reason at least starts with its heading.
  ensureSpace(doc, whole <= pageRoom ? whole : headHeight + 60);

  const y = doc.y + 4;
  doc.roundedRect(x, y, badgeWidth, 16, 3).fill(color);
  style(doc, SIZE.label, COLOR.white).text(`${label.zh} ${label.en}`, x, y + 3, {
    width: badgeWidth,
    align: 'center',
    lineBreak: false,
  });
  style(doc, SIZE.body, COLOR.ink).text(who, textX, y + 1, { width: nameWidth, lineGap: 1.5 });
  const nameBottom = doc.y;
  if (seatInline) {
    style(doc, SIZE.small, COLOR.muted).text(seatText, textX + whoWidth + 10, y + 2.5, { lineBreak: false });
  } else {
    style(doc, SIZE.small, COLOR.muted).text(seatText, textX, nameBottom + 1, {
      width: nameWidth,
      lineBreak: false,
    });
  }
  // Drawn after the seat, so that text extraction and screen readers read name, seat, then time.
  if (cast) {
    style(doc, SIZE.small, COLOR.muted).text(cast, textX, y + 2.5, {
      width: textWidth,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.y = y + headHeight;
  if (reasonText) {
    doc.y += 2;
    style(doc, SIZE.body, reason === '' ? COLOR.muted : COLOR.ink).text(reasonText, textX, doc.y, {
      width: textWidth,
      lineGap: 1.5,
    });
  }
  doc.y += 6;
  doc
    .moveTo(x, doc.y)
    .lineTo(x + width, doc.y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.x = x;
  doc.y += 4;
  style(doc, SIZE.body);
}

/** What follows from the outcome, for the agency and the public. */
function nextSteps(view: DecisionRecordView): Label {
  let text: Label;
  switch (view.outcome) {
    case 'APPROVED':
      text = {
        zh:
          `收費基準公告後於 ${view.effectiveFrom ? taipeiDayWithRoc(view.effectiveFrom) : '預定生效日'} 生效，` +
          `並應於 ${view.reviewBy ? taipeiDayWithRoc(view.reviewBy) : '三年內'} 前重新檢討。`,
        en:
          `The schedule is published and takes effect on ${view.effectiveFrom ? taipeiDay(view.effectiveFrom).en : 'its effective date'}; ` +
          `it must be reviewed by ${view.reviewBy ? taipeiDay(view.reviewBy).en : 'three years from then'}.`,
      };
      break;
    case 'REJECTED':
      text = {
        zh: '本案結案，否決理由如委員立場所載。機關如仍擬收費，須另提新案並重新公開徵詢。',
        en: "The case is closed; the reasons are those recorded with the members' positions. A new fee proposal, with a new consultation, is needed to charge.",
      };
      break;
    case 'CHANGES_REQUESTED':
      text = {
        zh: '機關依委員意見修正後再送審。修改任何收費項目者須重新公開徵詢；其他修正逕送新一輪表決。本版選票作廢。',
        en: "The agency revises the proposal following the members' reasons and resubmits it. A change to any fee item means a new public consultation; other revisions go straight to a new vote. Ballots for this version are void.",
      };
      break;
    case 'NOT_DECIDED':
      text = {
        zh: '未能作成決議，案件退回機關；機關得修正後重新送審。',
        en: 'No decision was reached and the proposal is returned to the agency, which may revise and resubmit it.',
      };
      break;
  }
  return text;
}
