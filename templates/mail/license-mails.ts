/**
 * Mails to a licensee (a member of the public): the link that confirms their address, the quote,
 * the certificate, a change of its status, and the link to their licenses.
 */
import { inEnglish } from '../agency-text.ts';
import type { Purpose } from '#domain/fee-proposal';
import type { QuoteLine } from '#domain/license-quote';
import type { QuoteView } from '../pages/license.ts';
import type { RenderedMail } from './format.ts';
import { taipeiMoment } from '../taipei-time.ts';
import {
  CERTIFICATE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  ROUNDING_LABELS,
  FEE_UNIT_LABELS,
  PURPOSE_LABELS,
} from '../labels.ts';
import type { Label } from '../labels.ts';
import { mailIn } from './format.ts';
import { say, type Lang } from '../language.ts';
import { certificateStatusMeaning, type CertificateStanding } from '../certificate-status.ts';
import { money } from '../format.ts';

export function licenseConfirmationMail(input: {
  datasetTitle: Label;
  licensee: { name: string; organization?: string };
  purpose: Purpose;
  confirmUrl: string;
  expiresAt: string;
  lang?: Lang;
}): RenderedMail {
  const { name, organization } = input.licensee;
  const holder = {
    zh: organization ? `${name}（${organization}）` : name,
    en: organization ? `${name} (${organization})` : name,
  };
  const purpose = PURPOSE_LABELS[input.purpose];
  return mailIn(input.lang, {
    zh: {
      subject: '請確認您的資料授權申請',
      text: `有人以本電子郵件地址申請「${input.datasetTitle.zh}」的授權，授權證明將載明被授權人：${holder.zh}，用途：${purpose.zh}。
若是您本人申請，請開啟下列連結並按下「確認」；確認前不會核發任何授權。連結有效至 ${taipeiMoment(input.expiresAt).zh}。
若非您本人申請，請忽略本信：未經確認的申請將自動失效，您的地址不會與任何姓名綁定。

${input.confirmUrl}
`,
    },
    en: {
      subject: 'Please confirm your data license request',
      text: `Someone asked, with this e-mail address, for a license to "${input.datasetTitle.en}"; the certificate would
name the licensee ${holder.en}, for ${purpose.en.toLowerCase()}. If it was you, open the link below and press
"Confirm": nothing is issued before that. The link is valid until ${taipeiMoment(input.expiresAt).en}.
If it was not you, ignore this mail: an unconfirmed request lapses, and no name is bound to your address.

${input.confirmUrl}
`,
    },
  });
}

export interface LicenseQuoteMailView {
  /** The request number: the quote's reference, which the licensee quotes with the payment. */
  reference: string;
  datasetTitle: Label;
  quote: QuoteView;
  /** The quote's page (the license page while payment is awaited). */
  quoteUrl: string;
  /** The licensee's language (stored with the request). */
  lang?: Lang;
}

/**
 * The quote, once the licensee confirmed the address: each line, the reduction, the total and the
 * rounding rule as the quote states them, and how to pay as the schedule says, with the reference.
 */
export function licenseQuoteMail(view: LicenseQuoteMailView): RenderedMail {
  const { quote, reference } = view;
  const purpose = PURPOSE_LABELS[quote.purpose];
  const rounding = ROUNDING_LABELS[quote.rounding];
  const payment = quote.schedule?.payment;
  const line = (l: QuoteLine, lang: 'zh' | 'en') =>
    `- ${say(lang)(l.name)}: ${money(l.unitAmountTwd)} ${FEE_UNIT_LABELS[l.unit][lang]} × ${l.quantity} = ${money(l.amountTwd)}`;
  const reduction = (lang: 'zh' | 'en') =>
    quote.reductionPercent > 0
      ? lang === 'zh'
        ? `${purpose.zh}減收 ${quote.reductionPercent}%：−${money(quote.reductionTwd)}\n`
        : `${purpose.en}: ${quote.reductionPercent}% off: −${money(quote.reductionTwd)}\n`
      : '';
  const methods = (lang: 'zh' | 'en') =>
    payment!.methods
      .map(
        (m) =>
          `- ${PAYMENT_METHOD_LABELS[m.method][lang]}${lang === 'zh' ? '：' : ': '}${lang === 'zh' ? m.details.zh : inEnglish(m.details)}`,
      )
      .join('\n');
  const howToPay = {
    zh: payment
      ? `請向 ${payment.payee.zh} 繳費，任選一種方式，並於附言註明申請編號 ${reference}：\n${methods('zh')}`
      : `提供機關將與您聯繫繳費方式；繳費時請註明申請編號 ${reference}。`,
    en: payment
      ? `Pay ${inEnglish(payment.payee)} in one of these ways, quoting the request number ${reference}:\n${methods('en')}`
      : `The providing agency tells you how to pay; quote the request number ${reference} with your payment.`,
  };
  const schedule = quote.schedule;
  return mailIn(view.lang, {
    zh: {
      subject: `授權申請報價 ${reference}`,
      text: `您已確認「${view.datasetTitle.zh}」的授權申請，報價如下（申請編號 ${reference}）。
${schedule ? `收費基準：${schedule.title.zh}（計費法令依據：${schedule.legalBasis}）\n` : ''}利用目的：${purpose.zh}

${quote.lines.map((l) => line(l, 'zh')).join('\n')}
合計：${money(quote.subtotalTwd)}
${reduction('zh')}應繳金額：${money(quote.totalTwd)}
計算方式：${rounding.zh}

${howToPay.zh}
機關確認收款後核發授權證明書。報價與申請進度：
${view.quoteUrl}
`,
    },
    en: {
      subject: `License quote ${reference}`,
      text: `You confirmed your request for a license to "${view.datasetTitle.en}". The quote (request number ${reference}):
${schedule ? `Fee schedule: ${inEnglish(schedule.title)} (legal basis: ${schedule.legalBasis})\n` : ''}Purpose: ${purpose.en}

${quote.lines.map((l) => line(l, 'en')).join('\n')}
Subtotal: ${money(quote.subtotalTwd)}
${reduction('en')}To pay: ${money(quote.totalTwd)}
Rounding: ${rounding.en}

${howToPay.en}
Once the agency confirms the payment, it issues the license certificate. The quote and the request's
progress:
${view.quoteUrl}
`,
    },
  });
}

export interface LicenseCertificateMailView {
  number: string;
  datasetTitle: { zh: string; en: string };
  /** OGDL: the three-part attribution statement; on application: the 「資料來源」 line; each language as one text. */
  attribution: { zh: string; en: string };
  kind: 'OGDL' | 'ON_APPLICATION';
  pdfUrl: string;
  /** The license's page: the certificate, its verify page and the attribution to copy. */
  licenseUrl: string;
  /** The licensee's language (stored with the request). */
  lang?: Lang;
}

/** The certificate, once issued: its number, the PDF's link and the attribution statement to carry. */
export function licenseCertificateMail(view: LicenseCertificateMailView): RenderedMail {
  const ogdl = view.kind === 'OGDL';
  return mailIn(view.lang, {
    zh: {
      subject: `授權證明書已核發 ${view.number}`,
      text: `「${view.datasetTitle.zh}」的授權證明書已核發，證書編號 ${view.number}。
授權證明書（PDF）：
${view.pdfUrl}

${ogdl ? '利用本資料時，請完整標示下列顯名聲明；未標示者，視為自始未取得授權：' : '利用本資料時，請標示下列資料來源，並遵守證明書所載之利用條件：'}

${view.attribution.zh}

證明書、驗證頁面與顯名聲明：
${view.licenseUrl}
`,
    },
    en: {
      subject: `Your license certificate ${view.number}`,
      text: `The license certificate for "${view.datasetTitle.en}" is issued: certificate No. ${view.number}.
The certificate (PDF):
${view.pdfUrl}

${ogdl ? 'Wherever you use the data, carry this attribution statement in full: without it the grant is deemed void from the start:' : 'Wherever you use the data, credit its source as below and keep to the conditions of use named on the certificate:'}

${view.attribution.en}

The certificate, its verify page and the attribution statement:
${view.licenseUrl}
`,
    },
  });
}

export interface CertificateRevokedMailView {
  number: string;
  datasetTitle: { zh: string; en: string };
  standing: CertificateStanding;
  note?: string;
  at: string;
  licenseUrl: string;
  /** The licensee's language (stored with the request). */
  lang?: Lang;
}

/** A certificate marked by its agency: the status, what it means for the grant, and the reason. */
export function certificateRevokedMail(view: CertificateRevokedMailView): RenderedMail {
  const words = CERTIFICATE_STATUS_LABELS[view.standing.status];
  const { text } = certificateStatusMeaning(view.standing);
  const at = taipeiMoment(view.at);
  return mailIn(view.lang, {
    zh: {
      subject: `授權證明書狀態變更：${words.zh} ${view.number}`,
      text: `提供機關已於 ${at.zh} 將「${view.datasetTitle.zh}」的授權證明書 ${view.number} 標示為「${words.zh}」。
${text.zh}
${view.note ? `機關說明：${view.note}\n` : ''}
授權與證明書目前狀態：
${view.licenseUrl}
`,
    },
    en: {
      subject: `Certificate ${view.number}: ${words.en}`,
      text: `On ${at.en} the providing agency marked the license certificate ${view.number} for
"${view.datasetTitle.en}" as "${words.en}".
${text.en}
${view.note ? `The agency's note: ${view.note}\n` : ''}
The license and the certificate as they stand now:
${view.licenseUrl}
`,
    },
  });
}

/** The link to the licenses of an address, mailed to that address (whether it holds any or not). */
/** The link to an address's licenses, in the language of the request (both where none was expressed). */
export function myLicensesMail(input: { url: string; expiresAt: string; lang?: Lang }): RenderedMail {
  const until = taipeiMoment(input.expiresAt);
  return mailIn(input.lang, {
    zh: {
      subject: '您的資料授權',
      text: `有人請求列出以本電子郵件地址申請的資料授權。請開啟下列連結查看您的授權、報價與授權證明書；連結有效至 ${until.zh}。
若非您本人請求，請忽略本信：未開啟連結者看不到任何內容。

${input.url}
`,
    },
    en: {
      subject: 'Your data licenses',
      text: `Someone asked for a list of the data licenses requested with this e-mail address. Open the link
below to see your licenses, quotes and certificates; it is valid until ${until.en}.
If it was not you, ignore this mail: nobody sees anything without the link.

${input.url}
`,
    },
  });
}
