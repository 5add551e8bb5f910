/**
 * "My licenses" without an account: the form that mails an address the link to its licenses (on
 * its own page and on the license pages), the page that says to check the mail, and the page the
 * link opens: each license confirmed from that address, where it stands, and its page. Each in the
 * reader's language.
 */
import { html, type SafeHtml } from '../escape.ts';
import type { CertificateStatus } from '#domain/license';
import { errorSummary, inputField, type FieldSpec, type FormState } from './form-fields.ts';
import { page } from './layout.ts';
import { fact, shortWhen, when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { CERTIFICATE_STATUS_LABELS, type Label } from '../labels.ts';

/** Where a license stands, for its owner: before its certificate, or the certificate's status now. */
export type LicenseStanding = 'AWAITING_PAYMENT' | 'ISSUING' | CertificateStatus;

export interface MyLicenseEntry {
  id: string;
  url: string;
  dataset: { title: Label; version: string; agencyName: Label };
  requestedAt: string;
  standing: LicenseStanding;
  certificate?: { number: string; issuedAt: string };
}

export interface MyLicensesView {
  expiresAt: string;
  licenses: MyLicenseEntry[];
}

const EMAIL: FieldSpec = {
  name: 'email',
  label: { zh: '申請時所用的電子郵件', en: 'The e-mail address you applied with' },
  fix: { zh: '請填寫有效的電子郵件地址。', en: 'Give a valid e-mail address.' },
  required: true,
  type: 'email',
  autocomplete: 'email',
};

const STANDING_WORDS: Record<LicenseStanding, Label> = {
  AWAITING_PAYMENT: { zh: '待繳費', en: 'Awaiting payment' },
  ISSUING: { zh: '核發中', en: 'Being issued' },
  ...CERTIFICATE_STATUS_LABELS,
};

/** The form's words, wherever it is shown (the license pages too). */
const S = {
  heading: { zh: '我的授權', en: 'My licenses' },
} satisfies Record<string, Label>;

/** The form, wherever it is shown; `action` is POST /my-licenses. */
export function myLicensesForm(action: string, lang: Lang, state: FormState = { values: {} }): SafeHtml {
  return html`<form method="post" action="${action}" class="my-licenses">
    ${inputField(EMAIL, state, lang)}
    <div class="actions">
      <button type="submit">${{ zh: '寄送我的授權連結', en: 'Mail me a link to my licenses' }[lang]}</button>
    </div>
  </form>`;
}

/** The section on the license pages: find this and every other license again later. */
export function myLicensesSection(action: string, lang: Lang): SafeHtml {
  return html`<h2>${S.heading[lang]}</h2>
    <p class="muted">
      ${
        {
          zh: '日後要再找到此授權及其他授權，請填寫申請時所用的電子郵件，我們會寄送一個連結，列出該地址的所有授權。',
          en: 'To find this and your other licenses again later, give the address you applied with: we mail it a link that lists them.',
        }[lang]
      }
    </p>
    ${myLicensesForm(action, lang)}`;
}

export interface MyLicensesFormPageView {
  action: string;
  /** The link was mailed. */
  sent: boolean;
  form?: FormState;
}

export function myLicensesFormPage(view: MyLicensesFormPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  if (view.sent) {
    return page(
      S.heading,
      html`<div class="notice ok" role="status">
          <p>
            <strong>${t({ zh: '請查看您的電子郵件。', en: 'Check your mail.' })}</strong> ${t({
              zh: '若此地址曾申請授權，信中連結可列出其授權、報價與證明書；連結有效一天。',
              en: 'The link in it lists the licenses, quotes and certificates of that address; it is valid for a day.',
            })}
          </p>
        </div>
        <p>
          <a href="${view.action}/new">${t({ zh: '再寄一次', en: 'Send another link' })}</a>
        </p>`,
      { styles: PUBLIC_STYLES, locale },
    );
  }
  const state = view.form ?? { values: {} };
  return page(
    S.heading,
    html`${errorSummary(state.problem, { zh: '連結尚未寄出', en: 'No link was sent' }, [EMAIL], {}, lang)}
      <p>
        ${t({
          zh: '無須帳號：填寫申請授權時所用的電子郵件，我們會寄送一個連結，列出該地址的所有授權、報價與授權證明書。',
          en: 'No account needed: give the address you applied with, and we mail it a link that lists its licenses, quotes and certificates.',
        })}
      </p>
      ${myLicensesForm(view.action, lang, state)}`,
    { styles: PUBLIC_STYLES, locale },
  );
}

export function myLicensesPage(view: MyLicensesView & { formPath: string }, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const body =
    view.licenses.length === 0
      ? html`<div class="notice" role="status">
          <p>
            ${t({ zh: '此電子郵件地址尚無已確認的授權申請。', en: 'This address has no confirmed license requests.' })}
          </p>
        </div>`
      : html`${view.licenses.map(
          (l) =>
            html`<section class="case">
              <h2><a href="${l.url}">${t(l.dataset.title)}</a></h2>
              <dl class="facts">
                ${fact({ zh: '狀態', en: 'Status' }, html`<span class="status">${t(STANDING_WORDS[l.standing])}</span>`, lang)}
                ${l.certificate ? fact({ zh: '證書編號', en: 'Certificate No.' }, l.certificate.number, lang) : fact({ zh: '申請編號', en: 'Request No.' }, l.id, lang)}
                ${fact({ zh: '版本', en: 'Version' }, l.dataset.version, lang)}
                ${fact({ zh: '提供機關', en: 'Provided by' }, t(l.dataset.agencyName), lang)}
                ${fact(
                  l.certificate ? { zh: '發證時間', en: 'Issued' } : { zh: '申請時間', en: 'Requested' },
                  shortWhen(l.certificate?.issuedAt ?? l.requestedAt, lang),
                  lang,
                )}
              </dl>
            </section>`,
        )}`;
  return page(
    S.heading,
    html`${body}
      <p class="muted">
        ${
          lang === 'zh'
            ? html`本頁連結有效至 ${when(view.expiresAt, 'zh')}；之後可<a href="${view.formPath}"
                  >再申請一個連結</a
                >。`
            : html`This page’s link is valid until ${when(view.expiresAt, 'en')}. After that,
                <a href="${view.formPath}">ask for a new link</a>.`
        }
      </p>`,
    { styles: PUBLIC_STYLES, locale },
  );
}

/** An unknown or expired link, with the way to a new one. */
export function myLicensesLinkProblemPage(
  kind: 'UNKNOWN' | 'EXPIRED',
  formPath: string,
  locale: PageLocale,
): string {
  const t = say(locale.lang);
  return page(
    { zh: '連結無法使用', en: 'Link cannot be used' },
    html`<div class="notice warn">
        <p>
          ${t(
            kind === 'EXPIRED'
              ? { zh: '此連結已過期。', en: 'This link has expired.' }
              : {
                  zh: '找不到此連結，請確認網址是否完整：部分郵件程式會將長網址斷成兩行。',
                  en: 'This link is not known. Check that the address is complete: some mail programs break long links in two.',
                },
          )}
        </p>
      </div>
      <p>
        <a href="${formPath}">${t({ zh: '再申請一個連結', en: 'Ask for a new link' })}</a>
      </p>`,
    { styles: PUBLIC_STYLES, locale },
  );
}
