/**
 * Mails of the advisory vote, Traditional Chinese first, English after: the review packet with each
 * member's personal ballot link, the reminder and the extension notice (each with a fresh link, since
 * mailing a new link retires the old one), and the decision sent to the agency. Plain text; every URL is
 * absolute and stands on its own line so that mail programs keep it clickable.
 */
import { inEnglish, bothOrChinese, type AgencyText } from '../agency-text.ts';
import type { BallotDecision } from '#domain/vote-tally';
import type { Seat } from '#domain/advisory-group';
import { type ReviewedProposal } from '../reviewed-proposal.ts';
import type { RenderedMail } from './format.ts';
import { taipeiDay, taipeiMoment } from '../taipei-time.ts';
import { FEE_TABLE_HEADERS, feeItemLabel } from '../fee-labels.ts';
import {
  COST_CATEGORY_LABELS,
  DECISION_LABELS,
  OUTCOME_LABELS,
  positionLabel,
  PURPOSE_LABELS,
  SEAT_LABELS,
  type Label,
} from '../labels.ts';
import type { DecisionOutcome } from '#domain/records';
import { money } from '../format.ts';

export type { DecisionOutcome, ReviewedProposal };

/** A fee item as a change list names it. */
interface ChangedItem {
  name: AgencyText;
  amountTwd: number;
}

/**
 * A packet for a version revised after changes were requested: the version voted on before and
 * what changed in the fee table since (functions/domain/fee-proposal.ts `feeTableChanges`).
 */
export interface PacketRevision {
  previousVersion: number;
  /** The fee table changed, so the revision went through a new public consultation. */
  reconsulted: boolean;
  changes: {
    added: ChangedItem[];
    removed: ChangedItem[];
    amounts: { item: ChangedItem; fromTwd: number }[];
    otherwise: ChangedItem[];
  };
}

export interface VotePacketMailView {
  member: { name: string };
  groupName: Label;
  proposal: ReviewedProposal;
  /** Present for a revision of a version the group asked to change. */
  revision?: PacketRevision;
  ballotUrl: string;
  /** The proposal's public page and the report's page (which links its PDF). */
  proposalUrl: string;
  reportUrl: string;
  /** ISO 8601 date-time. */
  deadline: string;
}

export interface VoteReminderMailView {
  member: { name: string };
  proposalTitle: AgencyText;
  /** The fresh link; mailing it retires the one sent before. */
  ballotUrl: string;
  deadline: string;
}

export interface VoteExtendedMailView extends VoteReminderMailView {
  /** Why the deadline moved, as recorded (normally: the quorum was not reached). */
  reason: string;
}

export interface DecisionMailView {
  proposal: { title: AgencyText; id: string };
  outcome: DecisionOutcome;
  /** As tallyVotes counts it: seats exclude recused members; cast counts approve, reject and changes. */
  tally: {
    seats: number;
    quorum: number;
    cast: number;
    counts: { APPROVE: number; REJECT: number; REQUEST_CHANGES: number };
    recused: number;
    /** At least `quorum` seated members voted (tallyVotes decides it). */
    quorumMet: boolean;
  };
  /** Every member, in the order to list them; decision null: did not vote. */
  positions: { name: string; seat: Seat; decision: BallotDecision | null; reason?: string }[];
  /** The decision's page, which links the record PDF. */
  decisionUrl: string;
  /** For APPROVED: ISO 8601 dates. */
  effectiveFrom?: string;
  reviewBy?: string;
  /** For APPROVED: whether the agency now takes the steps of 規費法 §10 before the schedule applies. */
  feeLawSteps?: boolean;
}

const LINK_NOTES = {
  zh: `請注意：
- 本連結為您個人專屬，請勿轉寄。
- 僅能投票一次，並於投票截止時失效。
- 開啟連結不會記錄任何內容，只有在頁面上按下「送出投票」才會記錄。`,
  en: `Please note:
- This link is personal to you; do not forward it.
- It can be used to vote once, and it expires at the deadline.
- Opening it records nothing: only pressing "Cast my vote" on the page does.`,
};

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** "收費 Charge", … : the fee table's column words, as a mail line names them. */
const head = Object.fromEntries(
  Object.entries(FEE_TABLE_HEADERS).map(([key, label]) => [key, `${label.zh} ${label.en}`]),
) as Record<keyof typeof FEE_TABLE_HEADERS, string>;

function feeTable(proposal: ReviewedProposal): string {
  return proposal.items
    .map((item) => {
      const lines = item.costLines.map(
        (l) =>
          `      - ${COST_CATEGORY_LABELS[l.category].zh} ${COST_CATEGORY_LABELS[l.category].en}｜${indent(l.description, '        ')}｜` +
          `${l.quantity} × ${money(l.unitCostTwd)} = ${money(l.lineCostTwd)}`,
      );
      return [
        `  - ${bothOrChinese(feeItemLabel(item))}`,
        `    ${head.charge}：${money(item.amountTwd)} ${item.unit.zh} / ${item.unit.en}`,
        `    ${head.documentedUnitCost}：${money(item.documentedUnitCostTwd)}`,
        `    ${head.marginalUnitCost}：${money(item.marginalUnitCostTwd)}`,
        ...(item.exceptionReason
          ? [`    高於邊際成本之例外理由 Exception reason：${indent(item.exceptionReason, '      ')}`]
          : []),
        `    成本明細 Cost lines（數量 × 單位成本 quantity × unit cost）：`,
        ...lines,
      ].join('\n');
    })
    .join('\n\n');
}

function reductionList(proposal: ReviewedProposal): string {
  if (proposal.reductions.length === 0) {
    return '  未宣告差別費率，各種用途均適用全額收費。 No reductions declared: the full charge applies to every purpose.';
  }
  return proposal.reductions
    .map(
      (r) =>
        `  - ${PURPOSE_LABELS[r.purpose].zh} ${PURPOSE_LABELS[r.purpose].en}：減收 ${r.percent}% (${r.percent}% off)`,
    )
    .join('\n');
}

/** The fee-table changes of a revision, one line each, in both languages. */
function changeList(revision: PacketRevision): string {
  const { added, removed, amounts, otherwise } = revision.changes;
  const lines = [
    ...added.map((i) => `  - 新增 Added：${bothOrChinese(i.name)}（${money(i.amountTwd)}）`),
    ...removed.map((i) => `  - 刪除 Removed：${bothOrChinese(i.name)}（原 was ${money(i.amountTwd)}）`),
    ...amounts.map(
      (a) =>
        `  - 調整收費 Charge changed：${bothOrChinese(a.item.name)} ${money(a.fromTwd)} → ${money(a.item.amountTwd)}`,
    ),
    ...otherwise.map(
      (i) =>
        `  - 修正計費單位、成本明細或例外理由 Unit, cost lines or exception reason changed：${bothOrChinese(i.name)}`,
    ),
  ];
  return lines.length > 0
    ? lines.join('\n')
    : '  收費項目未變更（修正其他內容）。 The fee items are unchanged (other parts were revised).';
}

function packetSubject(input: VotePacketMailView): string {
  const { proposal, revision } = input;
  if (!revision)
    return `諮詢小組審議資料：${proposal.title.zh} / Advisory review packet: ${inEnglish(proposal.title)}`;
  return `諮詢小組審議資料（第 ${proposal.version} 版修正案）：${proposal.title.zh} / Revised review packet (version ${proposal.version}): ${inEnglish(proposal.title)}`;
}

/** How the proposal came to the group: after its consultation, or as a revision (and how). */
function packetOpening(input: VotePacketMailView): { zh: string; en: string } {
  const { proposal, groupName, revision } = input;
  const version = proposal.version;
  if (!revision)
    return {
      zh: `${proposal.agencyName.zh}所提「${proposal.title.zh}」收費基準（第 ${version} 版）已完成公開徵詢，送請${groupName.zh}審議。`,
      en: `The fee schedule "${inEnglish(proposal.title)}" (version ${version}) proposed by ${proposal.agencyName.en} has completed its public
consultation and goes to the ${groupName.en} for review.`,
    };
  const previous = revision.previousVersion;
  return revision.reconsulted
    ? {
        zh: `${proposal.agencyName.zh}依${groupName.zh}對第 ${previous} 版之修正建議，提出「${proposal.title.zh}」收費基準第 ${version} 版；因收費項目變更，已重新完成公開徵詢，送請再審議。`,
        en: `${proposal.agencyName.en} has revised the fee schedule "${inEnglish(proposal.title)}" as the ${groupName.en} asked of
version ${previous}. Version ${version} changes the fee items, so it went through a new public consultation; it now comes back
for review.`,
      }
    : {
        zh: `${proposal.agencyName.zh}依${groupName.zh}對第 ${previous} 版之修正建議，提出「${proposal.title.zh}」收費基準第 ${version} 版；收費項目未變更，未重新公開徵詢，逕送再審議。`,
        en: `${proposal.agencyName.en} has revised the fee schedule "${inEnglish(proposal.title)}" as the ${groupName.en} asked of
version ${previous}. Version ${version} leaves the fee items unchanged, so it comes back for review without a new consultation.`,
      };
}

export function votePacketMail(input: VotePacketMailView): RenderedMail {
  const { proposal, member, revision } = input;
  const deadline = taipeiMoment(input.deadline);
  const opening = packetOpening(input);
  const changes = revision
    ? `\n與第 ${revision.previousVersion} 版相較之變更 Changes since version ${revision.previousVersion}：\n${changeList(revision)}\n`
    : '';
  return {
    subject: packetSubject(input),
    text: `${member.name} 委員您好：

${opening.zh}請閱覽下列收費項目、成本依據及公開徵詢結果報告後，於截止前投票。
${changes}
提案編號：${proposal.id}（第 ${proposal.version} 版）
提案機關：${proposal.agencyName.zh}
法令依據：${proposal.legalBasis}
預定生效日：${taipeiDay(proposal.effectiveFrom).zh}

收費項目及成本依據 Fee items and cost basis：
${feeTable(proposal)}

差別費率 Reductions by purpose：
${reductionList(proposal)}

提案頁面：
${input.proposalUrl}
公開徵詢結果報告（附 PDF）：
${input.reportUrl}

投票截止：${deadline.zh}

您的個人投票連結：
${input.ballotUrl}

${LINK_NOTES.zh}
- 選擇「同意」以外的決定須附理由；您的立場及理由將以姓名隨審議結果公布。

---
Dear ${member.name},

${opening.en} Please read the fee items, their cost basis and the
consultation report, then vote before the deadline.${
      revision
        ? `\nWhat changed since version ${revision.previousVersion}: see the bilingual list above.`
        : ''
    }

Proposal: ${proposal.id} (version ${proposal.version})
Agency: ${proposal.agencyName.en}
Legal basis: ${proposal.legalBasis}
Effective from: ${taipeiDay(proposal.effectiveFrom).en}
Fee items, cost basis and reductions: see the bilingual list above.

The proposal:
${input.proposalUrl}
Consultation report (with its PDF):
${input.reportUrl}

Voting closes: ${deadline.en}

Your personal ballot link:
${input.ballotUrl}

${LINK_NOTES.en}
- A reason is required for any decision other than Approve; your position and reason are published with
  your name together with the decision.
`,
  };
}

export function voteReminderMail(input: VoteReminderMailView): RenderedMail {
  const deadline = taipeiMoment(input.deadline);
  return {
    subject: `投票提醒：${input.proposalTitle.zh} / Reminder to vote: ${inEnglish(input.proposalTitle)}`,
    text: `${input.member.name} 委員您好：

您尚未就「${input.proposalTitle.zh}」收費基準投票，投票將於 ${deadline.zh} 截止。
請使用下列新的個人投票連結；先前寄送的連結已失效。

${input.ballotUrl}

${LINK_NOTES.zh}

---
Dear ${input.member.name},

You have not yet voted on the fee schedule "${inEnglish(input.proposalTitle)}". Voting closes ${deadline.en}.
Use the new personal ballot link below; the link sent to you earlier no longer works.

${input.ballotUrl}

${LINK_NOTES.en}
`,
  };
}

export function voteExtendedMail(input: VoteExtendedMailView): RenderedMail {
  const deadline = taipeiMoment(input.deadline);
  return {
    subject: `投票期限延長：${input.proposalTitle.zh} / Voting extended: ${inEnglish(input.proposalTitle)}`,
    text: `${input.member.name} 委員您好：

「${input.proposalTitle.zh}」收費基準之投票人數未達出席門檻，投票期限延長一次至 ${deadline.zh}。
延長理由：${input.reason}
您尚未投票，請使用下列新的個人投票連結；先前寄送的連結已失效。延長期滿仍未達出席門檻者，案件將退回機關，不作成決議。

${input.ballotUrl}

${LINK_NOTES.zh}

---
Dear ${input.member.name},

Too few members have voted on the fee schedule "${inEnglish(input.proposalTitle)}" to reach the quorum, so the deadline
is extended once, to ${deadline.en}.
Reason: ${input.reason}
You have not voted yet: use the new personal ballot link below; the link sent to you earlier no longer works.
If the quorum is still not reached by the new deadline, the proposal is returned to the agency undecided.

${input.ballotUrl}

${LINK_NOTES.en}
`,
  };
}

function decisionNextSteps(input: DecisionMailView): Label {
  switch (input.outcome) {
    case 'APPROVED':
      return input.feeLawSteps
        ? {
            zh:
              '諮詢小組之審議結果為建議通過，收費基準由貴機關依規費法第 10 條訂定：請依序取得規費主管機關同意、' +
              '送民意機關備查並公告，並將各步驟之日期、文號（公告另附網址）登錄於本服務；' +
              `收費基準於公告後之生效日（預定 ${input.effectiveFrom ? taipeiDay(input.effectiveFrom).zh : '生效日'}）起生效，應於生效後三年內重新檢討。`,
            en:
              "The advisory group recommends the schedule; under the Fees Act, art. 10, your agency sets it: obtain the fee authority's " +
              'consent, file it with the representative body and announce it, recording each step (date, document number, and ' +
              `the announcement's URL) in this service. It takes effect on its effective date after the announcement (planned: ${input.effectiveFrom ? taipeiDay(input.effectiveFrom).en : 'its effective date'}) and is to be reviewed within three years.`,
          }
        : {
            zh:
              `收費基準將公告，並自 ${input.effectiveFrom ? taipeiDay(input.effectiveFrom).zh : '預定生效日'} 起生效；` +
              `應於 ${input.reviewBy ? taipeiDay(input.reviewBy).zh : '三年內'} 前重新檢討。`,
            en:
              `The schedule is published and takes effect on ${input.effectiveFrom ? taipeiDay(input.effectiveFrom).en : 'its effective date'}; ` +
              `it must be reviewed by ${input.reviewBy ? taipeiDay(input.reviewBy).en : 'three years from then'}.`,
          };
    case 'REJECTED':
      return {
        zh: '本案結案，否決理由見下列委員立場。如仍擬收費，須另提新案並重新公開徵詢。',
        en: "The case is closed; the reasons are in the members' positions below. Charging would need a new proposal and a new public consultation.",
      };
    case 'CHANGES_REQUESTED':
      return {
        zh: '請依委員意見修正提案後重新送審。修改任何收費項目者須重新公開徵詢；其他修正逕送新一輪表決。本版選票作廢。',
        en: "Please revise the proposal following the members' reasons and resubmit it. A change to any fee item means a new public consultation round; other revisions go straight to a new vote. Ballots for this version are void.",
      };
    case 'NOT_DECIDED': {
      const because = input.tally.quorumMet
        ? { zh: '無任一選項獲投票數過半數', en: 'no option had a majority of the votes cast' }
        : {
            zh: `投票人數 ${input.tally.cast} 人，未達出席門檻 ${input.tally.quorum} 人`,
            en: `${input.tally.cast} members voted, below the quorum of ${input.tally.quorum}`,
          };
      return {
        zh: `${because.zh}，未能作成決議，案件退回貴機關。貴機關得修正後重新送審。`,
        en: `No decision was reached (${because.en}); the proposal is returned to your agency, which may revise and resubmit it.`,
      };
    }
  }
}

function positionList(positions: DecisionMailView['positions']): string {
  return positions
    .map((p) => {
      const seat = SEAT_LABELS[p.seat];
      const label = positionLabel(p.decision);
      const reason = p.reason?.trim() ? `\n    理由 Reason：${indent(p.reason.trim(), '    ')}` : '';
      return `  - ${p.name}（${seat.zh} ${seat.en}）：${label.zh} ${label.en}${reason}`;
    })
    .join('\n');
}

/** How the vote went, two lines per language. */
function tallyLines(tally: DecisionMailView['tally']): Label {
  const met = tally.quorumMet;
  return {
    zh: `表決情形：應計席次 ${tally.seats}（另利益迴避 ${tally.recused}），出席門檻 ${tally.quorum}，投票 ${tally.cast}；${met ? '已達' : '未達'}出席門檻。
${DECISION_LABELS.APPROVE.zh} ${tally.counts.APPROVE}、${DECISION_LABELS.REJECT.zh} ${tally.counts.REJECT}、${DECISION_LABELS.REQUEST_CHANGES.zh} ${tally.counts.REQUEST_CHANGES}。`,
    en: `Votes: ${tally.seats} seats after ${tally.recused} recusal(s), quorum ${tally.quorum}, ${tally.cast} votes cast; the quorum was ${met ? 'met' : 'not met'}.
${DECISION_LABELS.APPROVE.en} ${tally.counts.APPROVE}, ${DECISION_LABELS.REJECT.en} ${tally.counts.REJECT}, ${DECISION_LABELS.REQUEST_CHANGES.en} ${tally.counts.REQUEST_CHANGES}.`,
  };
}

export interface MemberOutcomeMailView {
  member: { name: string };
  proposal: { title: AgencyText; id: string };
  outcome: DecisionOutcome;
  tally: DecisionMailView['tally'];
  /** The member's own vote as counted (null: did not vote). */
  position: BallotDecision | null;
  /** The decision's page, which lists every position and links the record PDF. */
  decisionUrl: string;
}

/** What follows the decision, as a member needs to know it. */
const MEMBER_NEXT: Record<DecisionOutcome, Label> = {
  APPROVED: {
    zh: '提案機關將依規定完成後續程序後公告實施。',
    en: 'The agency now completes the remaining steps and announces the schedule.',
  },
  REJECTED: { zh: '本案結案。', en: 'The case is closed.' },
  CHANGES_REQUESTED: {
    zh: '提案機關修正後將重新送審，屆時您會收到修正案之審議資料及新的投票連結；本版選票作廢。',
    en: 'The agency will revise and resubmit it; you will then receive the revised packet with a new ballot link. Ballots for this version are void.',
  },
  NOT_DECIDED: {
    zh: '未能作成決議，案件退回提案機關，機關得修正後重新送審。',
    en: 'No decision was reached; the proposal goes back to the agency, which may revise and resubmit it.',
  },
};

/** To each member of the group once the vote is decided: the outcome, the tally and their own vote. */
export function memberOutcomeMail(input: MemberOutcomeMailView): RenderedMail {
  const { proposal, member } = input;
  const outcome = OUTCOME_LABELS[input.outcome];
  const own = positionLabel(input.position);
  const votes = tallyLines(input.tally);
  const next = MEMBER_NEXT[input.outcome];
  return {
    subject: `審議結果：${outcome.zh}－${proposal.title.zh} / Outcome of your review: ${outcome.en} — ${inEnglish(proposal.title)}`,
    text: `${member.name} 委員您好：

「${proposal.title.zh}」收費基準之審議已作成結果：${outcome.zh}。
您的投票：${own.zh}
${votes.zh}
${next.zh}

審議結果、各委員立場及理由（附紀錄 PDF）：
${input.decisionUrl}

---
Dear ${member.name},

The review of the fee schedule "${inEnglish(proposal.title)}" has ended: ${outcome.en}.
Your vote: ${own.en}
${votes.en}
${next.en}

The decision, each member's position and reason (with the record PDF):
${input.decisionUrl}
`,
  };
}

export function decisionMail(input: DecisionMailView): RenderedMail {
  const { proposal, tally } = input;
  const outcome = OUTCOME_LABELS[input.outcome];
  const next = decisionNextSteps(input);
  const votes = tallyLines(tally);
  return {
    subject: `審議結果：${outcome.zh}－${proposal.title.zh} / Advisory decision: ${outcome.en} — ${inEnglish(proposal.title)}`,
    text: `貴機關所提「${proposal.title.zh}」收費基準（提案編號 ${proposal.id}）經資料開放諮詢小組審議，結果為：${outcome.zh}。

${next.zh}

${votes.zh}

委員立場及理由 Members' positions and reasons：
${positionList(input.positions)}

審議結果（附紀錄 PDF）：
${input.decisionUrl}

---
The advisory group has decided on your agency's fee schedule "${inEnglish(proposal.title)}" (proposal ${proposal.id}): ${outcome.en}.

${next.en}

${votes.en}
Each member's position and reason is listed above.

Decision (with the record PDF):
${input.decisionUrl}
`,
  };
}
