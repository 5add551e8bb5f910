/**
 * Pages of the link that confirms a license request's e-mail address: what would be issued and
 * what of it becomes public, with a button to confirm (opening the page changes nothing); and the
 * link's problems.
 */
import type { Purpose } from '#domain/fee-proposal';
import { html } from '../escape.ts';
import { page } from './layout.ts';
import { linkProblem } from './link-problem.ts';
import { fact, when } from './parts.ts';
import { inLanguage, say, type PageLocale } from '../language.ts';
import { PURPOSE_LABELS } from '../labels.ts';
import type { Label } from '../labels.ts';

export interface LicenseConfirmationView {
  datasetTitle: Label;
  agencyName: Label;
  licensee: { name: string; organization?: string };
  purpose: Purpose;
  /** ISO 8601 end of the link's validity. */
  expiresAt: string;
  actionPath: string;
}

const W = {
  title: { zh: '確認您的授權申請', en: 'Confirm your license request' },
  intro: {
    zh: '有人以您的電子郵件地址申請下列授權。若是您本人申請，請按下「確認」；確認前不會核發任何授權。',
    en: 'Someone asked for the license below with your e-mail address. If it was you, press Confirm: nothing is issued before that.',
  },
  dataset: { zh: '資料集', en: 'Dataset' },
  agency: { zh: '提供機關', en: 'Provided by' },
  licensee: { zh: '被授權人', en: 'Licensee' },
  purpose: { zh: '用途', en: 'Purpose' },
  publicity: {
    zh: '公開範圍：授權證明載明被授權人姓名及機構；持有證明連結或檔案者可在查驗頁看到姓名及機構，其他人只看到證明狀態及資料集。您的電子郵件地址不會公開。',
    en: 'What becomes public: the certificate names the licensee and organisation; its verify page shows them to whoever holds the certificate’s link or file, and to anyone else only the certificate’s status and dataset. Your e-mail address is never shown.',
  },
  confirm: { zh: '確認', en: 'Confirm' },
} satisfies Record<string, Label>;

/** The button posts to `actionPath` in the page's language, so that what follows answers in it too. */
export function confirmLicensePage(view: LicenseConfirmationView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  return page(
    W.title,
    html`<p>${t(W.intro)}</p>
      <dl class="facts">
        ${fact(W.dataset, t(view.datasetTitle), lang)} ${fact(W.agency, t(view.agencyName), lang)}
        ${fact(
          W.licensee,
          html`<bdi>${view.licensee.name}</bdi
            >${view.licensee.organization ? html`<br /><bdi>${view.licensee.organization}</bdi>` : ''}`,
          lang,
        )}
        ${fact(W.purpose, t(PURPOSE_LABELS[view.purpose]), lang)}
      </dl>
      <p>${t(W.publicity)}</p>
      <form method="post" action="${inLanguage(view.actionPath, lang)}">
        <button type="submit">${t(W.confirm)}</button>
      </form>`,
    { locale },
  );
}

export interface LicensePendingView {
  dataset: { title: Label; version: string; agencyName: Label };
  expiresAt: string;
  expired: boolean;
}

/** The license page while the address is not confirmed: check your mail (or: the request lapsed). */
export function licensePendingPage(view: LicensePendingView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const text = view.expired
    ? {
        zh: '此申請的電子郵件地址未在期限內確認，申請已失效，未核發任何授權。如仍需要，請重新申請。',
        en: 'The e-mail address of this request was not confirmed in time: the request has lapsed and nothing was issued. Request the license again if you still need it.',
      }
    : {
        zh: '我們已寄一封信到您填寫的電子郵件地址。請開啟信中的連結並按下「確認」，授權（或開放資料的授權證明）將在確認後核發。',
        en: 'We have mailed the address you gave. Open the link in that mail and press Confirm: the license (for open data, its certificate) is issued once you have.',
      };
  return page(
    { zh: '請確認您的電子郵件地址', en: 'Please confirm your e-mail address' },
    html`<div class="notice ${view.expired ? 'warn' : 'ok'}" role="status">
        <p>${t(text)}</p>
      </div>
      <dl class="facts">
        ${fact({ zh: '資料集', en: 'Dataset' }, t(view.dataset.title), lang)}
        ${fact({ zh: '連結有效至', en: 'Link valid until' }, when(view.expiresAt, lang), lang)}
      </dl>`,
    { locale },
  );
}

export function licenseLinkProblemPage(kind: 'UNKNOWN' | 'EXPIRED', locale: PageLocale): string {
  const text =
    kind === 'EXPIRED'
      ? {
          zh: '此確認連結已過期，申請已失效，未核發任何授權。如仍需要，請重新申請。',
          en: 'This confirmation link has expired and the request has lapsed; nothing was issued. Request the license again if you still need it.',
        }
      : {
          zh: '找不到此連結，請確認網址是否完整：部分郵件程式會將長網址斷成兩行。',
          en: 'This link is not known. Check that the address is complete: some mail programs break long links in two.',
        };
  return linkProblem(text, locale);
}

/**
 * A confirmation refused because the licensee's earlier request for this dataset version still
 * awaits payment (for another purpose, or for other items): one grant per licensee and version.
 */
export const HELD_REFUSALS = {
  LICENSE_AWAITING_PAYMENT: {
    zh: '您先前已以其他利用目的申請此資料集本版次之授權，尚待繳費；每位被授權人每一版次僅有一項授權，本次申請未予確認。先前寄給您的報價信附有該筆申請的連結。',
    en: 'Your earlier request for this dataset version, for another purpose, awaits payment; one licensee holds one grant per dataset version, so this request was not confirmed. The quote mail we sent you links that request.',
  },
  LICENSE_AWAITING_PAYMENT_FOR_OTHER_ITEMS: {
    zh: '您先前就此資料集本版次申請之其他收費項目尚待繳費；每位被授權人每一版次僅有一項授權，本次申請未予報價。請先完成該筆繳費（先前寄給您的報價信附有連結），或洽提供機關。',
    en: 'Your earlier request for other fee items of this dataset version awaits payment; one licensee holds one grant per dataset version, so this request was not quoted. Pay that quote first (the quote mail we sent you links it), or ask the providing agency.',
  },
} as const;

export function licenseHeldRefusalPage(code: keyof typeof HELD_REFUSALS, locale: PageLocale): string {
  return linkProblem(HELD_REFUSALS[code], locale);
}
