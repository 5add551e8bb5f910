/**
 * Mails of the public consultation: to a commenter in the language they wrote from, to everyone
 * else Traditional Chinese first, English after (`mailIn`). Each function returns subject and plain
 * text (every mail client shows it); links are absolute URLs.
 */
import { inEnglish, bothOrChinese, type AgencyText } from '../agency-text.ts';
import type { FeeUnit } from '#domain/fee-proposal';
import type { RenderedMail } from './format.ts';
import { mailIn } from './format.ts';
import type { Lang } from '../language.ts';
import { taipeiMoment } from '../taipei-time.ts';
import { FEE_UNIT_LABELS } from '../labels.ts';
import type { Label } from '../labels.ts';
import { money } from '../format.ts';

interface ProposalSummary {
  id: string;
  title: AgencyText;
  legalBasis: string;
  items: { id: string; name: AgencyText; unit: FeeUnit; amountTwd: number }[];
}

interface AgencyName {
  name: Label;
}

export function consultationNoticeMail(input: {
  proposal: ProposalSummary;
  agency: AgencyName;
  opensAt: string;
  closesAt: string;
  proposalUrl: string;
  commentUrl: string;
}): RenderedMail {
  const { proposal, agency } = input;
  const table = proposal.items
    .map(
      (i) =>
        `  - ${bothOrChinese(i.name)}: ${money(i.amountTwd)} ${FEE_UNIT_LABELS[i.unit].zh} / ${FEE_UNIT_LABELS[i.unit].en}`,
    )
    .join('\n');
  return {
    subject: `收費基準公開徵詢：${proposal.title.zh} / Public consultation: ${inEnglish(proposal.title)}`,
    text: `${agency.name.zh}「${proposal.title.zh}」收費基準草案自即日起公開徵詢意見。

機關：${agency.name.zh}
法令依據：${proposal.legalBasis}
收費項目：
${table}
意見提出方式：於 ${input.commentUrl} 提出（任何人皆可，得針對個別收費項目）。
截止時間：${taipeiMoment(input.closesAt).zh}
草案全文：${input.proposalUrl}

---
${agency.name.en} invites public comments on the draft fee schedule "${inEnglish(proposal.title)}".

Agency: ${agency.name.en}
Legal basis: ${proposal.legalBasis}
Fee items: see the list above.
How to comment: at ${input.commentUrl} (anyone may comment, also on a single fee item).
Closes: ${taipeiMoment(input.closesAt).en}
Full proposal: ${input.proposalUrl}
`,
  };
}

export function commentVerificationMail(input: {
  proposalTitle: AgencyText;
  verifyUrl: string;
  expiresAt: string;
  /** The commenter asked to be informed: confirming also starts those mails. */
  notify?: boolean;
  /** The commenter's language (stored with the comment). */
  lang?: Lang;
}): RenderedMail {
  return mailIn(input.lang, {
    zh: {
      subject: '請確認您的公開徵詢意見',
      text: `您對「${input.proposalTitle.zh}」提出了意見。請開啟下列連結並按下「確認」，您的意見將標示為已驗證電子郵件。${
        input.notify ? '\n確認後，機關回覆您的意見、延長徵詢或公布審議結果時，我們會寄信通知您。' : ''
      }
若非您本人提出，請忽略本信。連結有效至 ${taipeiMoment(input.expiresAt).zh}。

${input.verifyUrl}
`,
    },
    en: {
      subject: 'Please confirm your consultation comment',
      text: `You commented on "${inEnglish(input.proposalTitle)}". Open the link below and press "Confirm" to mark your comment as
coming from a verified e-mail address.${
        input.notify
          ? '\nOnce confirmed, we mail you when the agency answers your comment, extends the consultation or the decision is published.'
          : ''
      } If it was not you, ignore this mail. The link is valid until
${taipeiMoment(input.expiresAt).en}.

${input.verifyUrl}
`,
    },
  });
}

export function consultationExtendedMail(input: {
  proposal: ProposalSummary;
  closesAt: string;
  reason: string;
  proposalUrl: string;
}): RenderedMail {
  return {
    subject: `公開徵詢延長：${input.proposal.title.zh} / Consultation extended: ${inEnglish(input.proposal.title)}`,
    text: `「${input.proposal.title.zh}」公開徵詢截止時間延長至 ${taipeiMoment(input.closesAt).zh}。
理由：${input.reason}
${input.proposalUrl}

---
The consultation on "${inEnglish(input.proposal.title)}" now closes ${taipeiMoment(input.closesAt).en}.
Reason: ${input.reason}
`,
  };
}

export function consultationClosedMail(input: {
  proposal: ProposalSummary;
  commentCount: number;
  pending: number;
  proposalUrl: string;
}): RenderedMail {
  return {
    subject: `公開徵詢已截止，待回應意見 ${input.pending} 則 / Consultation closed: ${input.pending} comments to answer`,
    text: `「${input.proposal.title.zh}」公開徵詢已截止，共收到 ${input.commentCount} 則意見，尚有 ${input.pending} 則待機關回應（採納、部分採納或不採納並附理由）。
全部回應後將公布徵詢結果報告並送諮詢小組審議。
${input.proposalUrl}

---
The consultation on "${inEnglish(input.proposal.title)}" has closed with ${input.commentCount} comments; ${input.pending} still need the
agency's disposition (adopted, partly adopted or not adopted, with a reason). Once all are answered the
consultation report is published and the proposal goes to the advisory group.
`,
  };
}

export function reportPublishedMail(input: {
  proposal: ProposalSummary;
  /** The report's page (which links its PDF) and the proposal's page. */
  reportUrl: string;
  proposalUrl: string;
}): RenderedMail {
  return {
    subject: `公開徵詢結果報告已公布 / Consultation report published: ${inEnglish(input.proposal.title)}`,
    text: `「${input.proposal.title.zh}」之公開徵詢結果報告已公布，案件送資料開放諮詢小組審議。
報告（附 PDF）：${input.reportUrl}
提案頁面：${input.proposalUrl}

---
The consultation report on "${inEnglish(input.proposal.title)}" is published and the proposal goes to the advisory group.
Report (with its PDF): ${input.reportUrl}
The proposal: ${input.proposalUrl}
`,
  };
}

/** The agency's daily digest: how many comments arrived in the day, how many wait for an answer. */
export function commentDigestMail(input: {
  proposal: { title: AgencyText };
  received: number;
  total: number;
  unanswered: number;
  /** The day the digest covers: after the digest before, up to this one. */
  after: string;
  upTo: string;
  /** The proposal's page, at its comments and the agency's answers. */
  commentsUrl: string;
}): RenderedMail {
  const from = taipeiMoment(input.after);
  const to = taipeiMoment(input.upTo);
  return {
    subject: `新意見 ${input.received} 則：${input.proposal.title.zh} / ${input.received} new comments: ${inEnglish(input.proposal.title)}`,
    text: `「${input.proposal.title.zh}」於 ${from.zh} 至 ${to.zh} 收到 ${input.received} 則新意見。
本輪共 ${input.total} 則，尚有 ${input.unanswered} 則待回覆。意見及回覆情形：
${input.commentsUrl}

---
"${inEnglish(input.proposal.title)}" received ${input.received} new comments from ${from.en} to ${to.en}.
The round holds ${input.total} comments; ${input.unanswered} still wait for an answer. The comments and their answers:
${input.commentsUrl}
`,
  };
}
