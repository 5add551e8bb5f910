/**
 * Mails to those who follow a proposal (a commenter who asked to be kept informed is subscribed to
 * it): the agency's answer to the comment, an extension of the consultation, the consultation
 * report and the decision once published. Each is written in the follower's language (`mailIn`) and ends with why it came and
 * the link that ends the subscription.
 */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { DispositionKind } from '#domain/consultation';
import type { DecisionOutcome } from '#domain/records';
import type { Lang } from '../language.ts';
import { DISPOSITION_LABELS, OUTCOME_LABELS } from '../labels.ts';
import { taipeiMoment } from '../taipei-time.ts';
import type { RenderedMail } from './format.ts';
import { mailIn } from './format.ts';
import { proposalTopic, unsubscribeFooter } from './subscription-mails.ts';

interface ToCommenter {
  proposalTitle: AgencyText;
  /** The follower's language. */
  lang?: Lang;
  /** This mail's own link that ends the subscription. */
  unsubscribeUrl: string;
}

const footerOf = (input: ToCommenter) =>
  unsubscribeFooter(proposalTopic(input.proposalTitle), input.unsubscribeUrl);

export function commentAnsweredMail(
  input: ToCommenter & { disposition: DispositionKind; reply: string; commentUrl: string },
): RenderedMail {
  const label = DISPOSITION_LABELS[input.disposition];
  const WHY = footerOf(input);
  return mailIn(input.lang, {
    zh: {
      subject: `機關已回覆您的意見：${input.proposalTitle.zh}`,
      text: `提案機關已回覆您對「${input.proposalTitle.zh}」提出的意見。

處理結果：${label.zh}
回覆說明：
${input.reply}

您的意見及回覆：${input.commentUrl}

${WHY.zh}
`,
    },
    en: {
      subject: `The agency answered your comment: ${inEnglish(input.proposalTitle)}`,
      text: `The agency has answered your comment on "${inEnglish(input.proposalTitle)}".

Disposition: ${label.en}
Reply:
${input.reply}

Your comment and its answer: ${input.commentUrl}

${WHY.en}
`,
    },
  });
}

export function consultationExtendedToCommenterMail(
  input: ToCommenter & { closesAt: string; reason: string; proposalUrl: string },
): RenderedMail {
  const closes = taipeiMoment(input.closesAt);
  const WHY = footerOf(input);
  return mailIn(input.lang, {
    zh: {
      subject: `公開徵詢延長：${input.proposalTitle.zh}`,
      text: `您提出意見的「${input.proposalTitle.zh}」公開徵詢，截止時間延長至 ${closes.zh}。
理由：${input.reason}

提案頁面：${input.proposalUrl}

${WHY.zh}
`,
    },
    en: {
      subject: `Consultation extended: ${inEnglish(input.proposalTitle)}`,
      text: `The consultation on "${inEnglish(input.proposalTitle)}", which you commented on, now closes ${closes.en}.
Reason: ${input.reason}

The proposal: ${input.proposalUrl}

${WHY.en}
`,
    },
  });
}

export function reportToFollowerMail(
  input: ToCommenter & { commentCount: number; reportUrl: string },
): RenderedMail {
  const WHY = footerOf(input);
  return mailIn(input.lang, {
    zh: {
      subject: `公開徵詢結果報告公布：${input.proposalTitle.zh}`,
      text: `「${input.proposalTitle.zh}」的公開徵詢已結束，結果報告已公布：共 ${input.commentCount} 則意見，每則意見及機關的回覆均列於報告中。接下來由資料開放諮詢小組審議。
結果報告：${input.reportUrl}

${WHY.zh}
`,
    },
    en: {
      subject: `Consultation report published: ${inEnglish(input.proposalTitle)}`,
      text: `The consultation on "${inEnglish(input.proposalTitle)}" has ended and its report is published: ${input.commentCount} comment(s), each with the agency's answer. The open-data advisory group reviews the proposal next.
The report: ${input.reportUrl}

${WHY.en}
`,
    },
  });
}

export function decisionToCommenterMail(
  input: ToCommenter & { outcome: DecisionOutcome; decisionUrl: string },
): RenderedMail {
  const outcome = OUTCOME_LABELS[input.outcome];
  const WHY = footerOf(input);
  return mailIn(input.lang, {
    zh: {
      subject: `審議結果：${outcome.zh}：${input.proposalTitle.zh}`,
      text: `資料開放諮詢小組已完成「${input.proposalTitle.zh}」之審議，結果為「${outcome.zh}」。
決議、表決情形及各委員意見：${input.decisionUrl}

${WHY.zh}
`,
    },
    en: {
      subject: `Decision: ${outcome.en}: ${inEnglish(input.proposalTitle)}`,
      text: `The open-data advisory group has decided on "${inEnglish(input.proposalTitle)}": ${outcome.en}.
The decision, the tally and each member's position: ${input.decisionUrl}

${WHY.en}
`,
    },
  });
}
