/**
 * Mails of subscriptions (functions/usecases/subscriptions.ts): the confirmation that starts one,
 * and the news of a new consultation. Each news mail ends with why it came and the link that ends
 * the subscription (the same link travels in its List-Unsubscribe header). Written in the
 * subscriber's language (`mailIn`).
 */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { Lang } from '../language.ts';
import type { Label } from '../labels.ts';
import { taipeiMoment } from '../taipei-time.ts';
import type { RenderedMail } from './format.ts';
import { mailIn } from './format.ts';

/** What each kind of subscription is called in mails and pages. */
export const ALL_CONSULTATIONS_TOPIC: Label = {
  zh: '所有新的收費基準公開徵詢',
  en: 'every new fee-schedule consultation',
};
export const datasetTopic = (title: AgencyText): Label => ({
  zh: `資料集「${title.zh}」的新公開徵詢`,
  en: `new consultations on the dataset "${inEnglish(title)}"`,
});
export const proposalTopic = (title: AgencyText): Label => ({
  zh: `「${title.zh}」的處理進度`,
  en: `the progress of "${inEnglish(title)}"`,
});

/** The close of every mail a subscription brings: why it came, and how to stop it. */
export function unsubscribeFooter(topic: Label, unsubscribeUrl: string): Label {
  return {
    zh: `您收到本信，是因為您訂閱了${topic.zh}。不想再收到時，請開啟：
${unsubscribeUrl}`,
    en: `You receive this mail because you follow ${topic.en}. To stop, open:
${unsubscribeUrl}`,
  };
}

export function subscriptionConfirmationMail(input: {
  topic: Label;
  confirmUrl: string;
  expiresAt: string;
  lang?: Lang;
}): RenderedMail {
  const until = taipeiMoment(input.expiresAt);
  return mailIn(input.lang, {
    zh: {
      subject: '請確認您的訂閱',
      text: `有人以此電子郵件地址訂閱了${input.topic.zh}。請開啟下列連結並按下「確認訂閱」，訂閱才會開始：

${input.confirmUrl}

連結有效至 ${until.zh}。若非您本人申請，請忽略本信，您不會收到任何通知。
`,
    },
    en: {
      subject: 'Please confirm your subscription',
      text: `This address was given to follow ${input.topic.en}. Open the link below and press "Confirm" to start:

${input.confirmUrl}

The link is valid until ${until.en}. If it was not you, ignore this mail: nothing will be sent.
`,
    },
  });
}

export function newConsultationMail(input: {
  proposal: { title: AgencyText };
  agencyName: Label;
  closesAt: string;
  proposalUrl: string;
  topic: Label;
  unsubscribeUrl: string;
  lang?: Lang;
}): RenderedMail {
  const closes = taipeiMoment(input.closesAt);
  const footer = unsubscribeFooter(input.topic, input.unsubscribeUrl);
  return mailIn(input.lang, {
    zh: {
      subject: `新的公開徵詢：${input.proposal.title.zh}`,
      text: `${input.agencyName.zh}「${input.proposal.title.zh}」收費基準草案開始公開徵詢意見，任何人皆可於截止前提出意見。
截止時間：${closes.zh}
提案及意見表單：${input.proposalUrl}

${footer.zh}
`,
    },
    en: {
      subject: `New consultation: ${inEnglish(input.proposal.title)}`,
      text: `${input.agencyName.en} invites comments on the draft fee schedule "${inEnglish(input.proposal.title)}"; anyone may comment until it closes.
Closes: ${closes.en}
The proposal and the comment form: ${input.proposalUrl}

${footer.en}
`,
    },
  });
}
