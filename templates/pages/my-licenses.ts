/**
 * "My licenses" without an account: the form that mails an address the link to its licenses (on
 * its own page and on the license pages), the page that says to check the mail, and the page the
 * link opens: each license confirmed from that address, where it stands, and its page.
 */
import { html, type SafeHtml } from '../escape.ts';
import type { CertificateStatus } from '#domain/license';
import { errorSummary, inputField, type FieldSpec, type FormState } from './form-fields.ts';
import { page } from './layout.ts';
import { both, fact, shortWhen, when } from './parts.ts';
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

/** The form, wherever it is shown; `action` is POST /my-licenses. */
export function myLicensesForm(action: string, state: FormState = { values: {} }): SafeHtml {
  return html`<form method="post" action="${action}" class="my-licenses">
    ${inputField(EMAIL, state)}
    <div class="actions">
      <button type="submit">寄送我的授權連結 <span lang="en">Mail me a link to my licenses</span></button>
    </div>
  </form>`;
}

/** The section on the license pages: find this and every other license again later. */
export function myLicensesSection(action: string): SafeHtml {
  return html`<h2>我的授權 <span class="en" lang="en">My licenses</span></h2>
    <p class="muted">
      日後要再找到此授權及其他授權，請填寫申請時所用的電子郵件，我們會寄送一個連結，列出該地址的所有授權。
      <span class="en" lang="en"
        >To find this and your other licenses again later, give the address you applied with: we mail it a
        link that lists them.</span
      >
    </p>
    ${myLicensesForm(action)}`;
}

export interface MyLicensesFormPageView {
  action: string;
  /** The link was mailed. */
  sent: boolean;
  form?: FormState;
}

export function myLicensesFormPage(view: MyLicensesFormPageView): string {
  const title = { zh: '我的授權', en: 'My licenses' };
  if (view.sent) {
    return page(
      title,
      html`<div class="notice ok" role="status">
          <p>
            <strong>請查看您的電子郵件。</strong
            >若此地址曾申請授權，信中連結可列出其授權、報價與證明書；連結有效一天。
          </p>
          <p class="en" lang="en">
            <strong>Check your mail.</strong> The link in it lists the licenses, quotes and certificates of
            that address; it is valid for a day.
          </p>
        </div>
        <p>
          <a href="${view.action}/new">再寄一次 <span lang="en">Send another link</span></a>
        </p>`,
      { styles: PUBLIC_STYLES },
    );
  }
  const state = view.form ?? { values: {} };
  return page(
    title,
    html`${errorSummary(state.problem, { zh: '連結尚未寄出', en: 'No link was sent' }, [EMAIL], {})}
      <p>
        無須帳號：填寫申請授權時所用的電子郵件，我們會寄送一個連結，列出該地址的所有授權、報價與授權證明書。
        <span class="en" lang="en"
          >No account needed: give the address you applied with, and we mail it a link that lists its
          licenses, quotes and certificates.</span
        >
      </p>
      ${myLicensesForm(view.action, state)}`,
    { styles: PUBLIC_STYLES },
  );
}

export function myLicensesPage(view: MyLicensesView & { formPath: string }): string {
  const body =
    view.licenses.length === 0
      ? html`<div class="notice" role="status">
          <p>此電子郵件地址尚無已確認的授權申請。</p>
          <p class="en" lang="en">This address has no confirmed license requests.</p>
        </div>`
      : html`${view.licenses.map(
          (l) =>
            html`<section class="case">
              <h2>
                <a href="${l.url}"
                  >${l.dataset.title.zh} <span class="en" lang="en">${l.dataset.title.en}</span></a
                >
              </h2>
              <dl class="facts">
                ${fact({ zh: '狀態', en: 'Status' }, html`<span class="status">${both(STANDING_WORDS[l.standing])}</span>`)}
                ${l.certificate ? fact({ zh: '證書編號', en: 'Certificate No.' }, l.certificate.number) : fact({ zh: '申請編號', en: 'Request No.' }, l.id)}
                ${fact({ zh: '版本', en: 'Version' }, l.dataset.version)}
                ${fact({ zh: '提供機關', en: 'Provided by' }, both(l.dataset.agencyName))}
                ${fact(
                  l.certificate ? { zh: '發證時間', en: 'Issued' } : { zh: '申請時間', en: 'Requested' },
                  shortWhen(l.certificate?.issuedAt ?? l.requestedAt),
                )}
              </dl>
            </section>`,
        )}`;
  return page(
    { zh: '我的授權', en: 'My licenses' },
    html`${body}
      <p class="muted">
        本頁連結有效至 ${when(view.expiresAt)}；之後可<a href="${view.formPath}">再申請一個連結</a>。
        <span class="en" lang="en">After that, <a href="${view.formPath}">ask for a new link</a>.</span>
      </p>`,
    { styles: PUBLIC_STYLES },
  );
}

/** An unknown or expired link, with the way to a new one. */
export function myLicensesLinkProblemPage(kind: 'UNKNOWN' | 'EXPIRED', formPath: string): string {
  const text =
    kind === 'EXPIRED'
      ? { zh: '此連結已過期。', en: 'This link has expired.' }
      : {
          zh: '找不到此連結，請確認網址是否完整：部分郵件程式會將長網址斷成兩行。',
          en: 'This link is not known. Check that the address is complete: some mail programs break long links in two.',
        };
  return page(
    { zh: '連結無法使用', en: 'Link cannot be used' },
    html`<div class="notice warn">
        <p>${text.zh}</p>
        <p class="en" lang="en">${text.en}</p>
      </div>
      <p>
        <a href="${formPath}">再申請一個連結 <span lang="en">Ask for a new link</span></a>
      </p>`,
    { styles: PUBLIC_STYLES },
  );
}
