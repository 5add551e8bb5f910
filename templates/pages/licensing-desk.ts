/**
 * The agency's licenses desk (/agency/licensing, inside the workspace frame): the requests that
 * await its payment confirmation, each with its quote and a form to confirm the payment (amount,
 * receipt number, date received), then the certificates it issued, each with a link to revoke it
 * or, once revoked, its status with the date and the reason category;
 * and the revocation's confirmation page. Forms carry the session's CSRF field (`csrf`).
 */
import { html, type SafeHtml } from '../escape.ts';
import {
  CERTIFICATE_STATUS_LABELS,
  PURPOSE_LABELS,
  REVOCATION_REASON_LABELS,
  type Label,
} from '../labels.ts';
import type {
  CertificateStatus,
  LicenseRequestLabels,
  PaymentLabels,
  RevocationReason,
  RevokeLabels,
} from '#domain/license';
import {
  errorSummary,
  inputField,
  radioField,
  textareaField,
  withLimits,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import type { FieldLimits } from '#domain/field-limits';
import { quoteTable, type QuoteView } from './license.ts';
import { both, fact, shortWhen, when } from './parts.ts';
import { money } from '../format.ts';

export interface AwaitingLicenseView {
  id: string;
  requestedAt: string;
  licensee: { name: string; email: string; organization?: string };
  dataset: { title: Label; version: string };
  quote: QuoteView;
  /** Its payment confirmation page (the form posts there too). */
  action: string;
  /** The refused confirmation of this request, as posted. */
  form?: FormState;
}

export interface IssuedCertificateView {
  number: string;
  issuedAt: string;
  licensee: { name: string; organization?: string };
  dataset: { title: Label; version: string };
  status: CertificateStatus;
  verifyUrl: string;
  /** The revocation page, while the certificate can still be marked. */
  revokeUrl?: string;
  /** When and why it was marked, once revoked. */
  revocation?: { at: string; reason: RevocationReason };
}

/** The field labels of a license request and of a payment: the schemas' own (field-errors.ts). */
export interface LicensingLabels {
  request: LicenseRequestLabels;
  payment: PaymentLabels;
}

export interface LicensingDeskView {
  labels: LicensingLabels;
  awaiting: AwaitingLicenseView[];
  /** The next page of the requests awaiting payment (newest first), when there are more. */
  next?: string;
  certificates: IssuedCertificateView[];
  /** The next page of the certificates (newest request first), when there are more. */
  nextCertificates?: string;
  /** The desk's first page, when this is a later page of one of its lists. */
  first?: string;
  /** After a confirmation or a revocation (303 back here). */
  notice?: { kind: 'PAID' | 'REVOKED'; subject: string };
}

/**
 * The payment form's fields. Its `maxlength` is still written here: the page's own bundle
 * (GET …/payment) holds no PaymentInputSchema, and reading the limit from it would add ≈ 6.8 KB of
 * schema code; test/unit/pages/form-limits.test.ts holds the number to the schema's.
 */
export const paymentFields = (today: string, labels: PaymentLabels): FieldSpec[] => [
  {
    name: 'amountTwd',
    label: labels.amountTwd,
    hint: { zh: '須與報價之應繳金額相同。', en: 'Must equal the quoted amount to pay.' },
    required: true,
  },
  {
    name: 'reference',
    label: labels.reference,
    hint: { zh: '收據或轉帳之號碼。', en: 'The number of the receipt or transfer.' },
    required: true,
    maxlength: 100,
  },
  {
    name: 'receivedOn',
    label: labels.receivedOn,
    hint: {
      zh: `格式 YYYY-MM-DD；不填則為今日（${today}）。`,
      en: `YYYY-MM-DD; empty means today (${today}).`,
    },
  },
];

function requestFacts(view: AwaitingLicenseView, labels: LicenseRequestLabels): SafeHtml {
  return html`<dl class="facts">
    ${fact({ zh: '申請編號', en: 'Request No.' }, view.id)}
    ${fact(
      { zh: '資料集', en: 'Dataset' },
      html`${view.dataset.title.zh}
        <span lang="en">${view.dataset.title.en}</span>（${view.dataset.version}）`,
    )}
    ${fact(
      labels['licensee.email'],
      html`<a href="mailto:${view.licensee.email}">${view.licensee.email}</a>`,
    )}
    ${fact(labels.purpose, both(PURPOSE_LABELS[view.quote.purpose]))}
    ${fact({ zh: '申請時間', en: 'Requested' }, when(view.requestedAt))}
    ${fact({ zh: '應繳金額', en: 'To pay' }, money(view.quote.totalTwd))}
  </dl>`;
}

const licenseeName = (l: { name: string; organization?: string }) =>
  html`${l.name}${l.organization ? html`（${l.organization}）` : ''}`;

/** One request on the desk: who, what, how much, and the way to its confirmation page. */
function awaitingRequest(view: AwaitingLicenseView, labels: LicensingLabels): SafeHtml {
  return html`<article class="request" id="license-${view.id}">
    <h3>${licenseeName(view.licensee)}</h3>
    ${requestFacts(view, labels.request)}
    <p>
      <a href="${view.action}"
        >確認繳費 <span lang="en">Confirm the payment</span
        ><span class="visually-hidden"> ${view.id}</span></a
      >
    </p>
  </article>`;
}

/** The payment confirmation page of one request: its facts, its quote and the form. */
export function paymentPageBody(
  view: AwaitingLicenseView & { labels: LicensingLabels },
  csrf: SafeHtml,
  today: string,
): SafeHtml {
  const state: FormState = view.form ?? { values: {} };
  const fields = paymentFields(today, view.labels.payment);
  return html`${errorSummary(state.problem, { zh: '繳費尚未確認', en: 'The payment is not confirmed' }, fields)}
    <h2>${licenseeName(view.licensee)}</h2>
    ${requestFacts(view, view.labels.request)} ${quoteTable(view.quote)}
    <form method="post" action="${view.action}" novalidate>
      ${csrf} ${fields.map((f) => inputField(f, state))}
      <button type="submit">
        確認收款並核發證明 <span lang="en">Confirm the payment and issue the certificate</span>
      </button>
    </form>`;
}

export function licensingDeskBody(view: LicensingDeskView): SafeHtml {
  const notice = view.notice
    ? html`<div class="notice" role="status">
        ${
          view.notice.kind === 'PAID'
            ? html`<p>已確認收款並核發證明書 ${view.notice.subject}。</p>
                <p class="en" lang="en">
                  The payment is confirmed and certificate ${view.notice.subject} issued.
                </p>`
            : html`<p>證明書 ${view.notice.subject} 已撤銷標示。</p>
                <p class="en" lang="en">Certificate ${view.notice.subject} is marked.</p>`
        }
      </div>`
    : '';
  return html`${notice}
    <h2>${both({ zh: '待確認繳費的申請', en: 'Requests awaiting payment confirmation' })}</h2>
    ${
      view.awaiting.length === 0
        ? html`<p>
            目前沒有待確認繳費的申請。
            <span class="en" lang="en">No request awaits a payment confirmation.</span>
          </p>`
        : view.awaiting.map((request) => awaitingRequest(request, view.labels))
    }
    ${
      view.next
        ? html`<p>
            <a href="${view.next}">較早的申請 <span lang="en">Earlier requests</span></a>
          </p>`
        : ''
    }
    ${
      view.first
        ? html`<p>
            <a href="${view.first}">回到第一頁 <span lang="en">Back to the first page</span></a>
          </p>`
        : ''
    }
    <h2>${both({ zh: '已核發的證明書', en: 'Certificates issued' })}</h2>
    ${
      view.certificates.length === 0
        ? html`<p>尚未核發證明書。 <span class="en" lang="en">No certificate issued yet.</span></p>`
        : html`<div class="scroll">
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">${both({ zh: '證書號碼', en: 'Number' })}</th>
                  <th scope="col">${both({ zh: '被授權人', en: 'Licensee' })}</th>
                  <th scope="col">${both({ zh: '資料集', en: 'Dataset' })}</th>
                  <th scope="col">${both({ zh: '核發時間', en: 'Issued' })}</th>
                  <th scope="col">${both({ zh: '狀態', en: 'Status' })}</th>
                </tr>
              </thead>
              <tbody>
                ${view.certificates.map(
                  (c) =>
                    html`<tr
                      id="certificate-${c.number}"
                      ${c.status === 'VALID' ? '' : html` class="revoked"`}
                    >
                      <td><a href="${c.verifyUrl}">${c.number}</a></td>
                      <td>${licenseeName(c.licensee)}</td>
                      <td>${c.dataset.title.zh}（${c.dataset.version}）</td>
                      <td>${shortWhen(c.issuedAt)}</td>
                      <td>
                        ${
                          c.revokeUrl
                            ? html`<a href="${c.revokeUrl}"
                                >撤銷 <span lang="en">Revoke</span
                                ><span class="visually-hidden"> ${c.number}</span></a
                              >`
                            : html`<strong>${both(CERTIFICATE_STATUS_LABELS[c.status])}</strong>${
                                  c.revocation
                                    ? html`<br />${shortWhen(c.revocation.at)} ·
                                        ${both(REVOCATION_REASON_LABELS[c.revocation.reason])}`
                                    : ''
                                }`
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${
      view.nextCertificates
        ? html`<p>
            <a href="${view.nextCertificates}">較早的證明書 <span lang="en">Earlier certificates</span></a>
          </p>`
        : ''
    }`;
}

export interface RevokePageView {
  csrf: SafeHtml;
  certificate: IssuedCertificateView & { classification: 'OPEN' | 'ON_APPLICATION' };
  /** The reasons the domain allows for this certificate. */
  reasons: RevocationReason[];
  action: string;
  cancel: string;
  form?: FormState;
  /** The revocation's field labels: the schema's own (field-errors.ts). */
  labels: RevokeLabels;
  /** The form's `maxlength` and `required`, from the schema the revocation is parsed with. */
  limits: FieldLimits;
}

/** The revocation's confirmation page: what is revoked, why, and what anyone will see afterwards. */
export function revokePageBody(view: RevokePageView): SafeHtml {
  const state = view.form ?? { values: {} };
  const c = view.certificate;
  const reason: FieldSpec & { options: { value: string; label: Label }[] } = {
    name: 'reason',
    label: view.labels.reason,
    required: true,
    options: view.reasons.map((r) => ({ value: r, label: REVOCATION_REASON_LABELS[r] })),
  };
  const note: FieldSpec = withLimits(
    {
      name: 'note',
      label: view.labels.note,
      hint: {
        zh: '將公開顯示於驗證頁面，請勿填寫個人資料。',
        en: 'Shown publicly on the verify page; give no personal data.',
      },
    },
    view.limits,
  );
  return html`<dl class="facts">
      ${fact({ zh: '證書號碼', en: 'Number' }, c.number)}
      ${fact({ zh: '被授權人', en: 'Licensee' }, c.licensee.name)}
      ${fact({ zh: '資料集', en: 'Dataset' }, html`${c.dataset.title.zh}（${c.dataset.version}）`)}
      ${fact({ zh: '核發時間', en: 'Issued' }, when(c.issuedAt))}
    </dl>
    <h2>${both({ zh: '撤銷後公開的內容', en: 'What becomes public' })}</h2>
    <p>
      任何人於驗證頁面可看到本證書的新狀態、所選原因、下方說明及標示時間；被授權人姓名仍僅持有證書連結者可見。證書紀錄不會刪除。
    </p>
    <p class="en" lang="en">
      Anyone can then see on the verify page the certificate’s new status, the reason chosen, the note below
      and when it was marked; the licensee’s name stays visible only to holders of the certificate’s link. The
      record is never deleted.
    </p>
    ${
      c.classification === 'OPEN'
        ? html`<p>
            依政府資料開放授權條款之授權不可撤回：標示僅及於證書紀錄。
            <span class="en" lang="en"
              >A grant under the Open Government Data License is irrevocable: only the record is marked.</span
            >
          </p>`
        : ''
    }
    <form method="post" action="${view.action}" novalidate>
      ${view.csrf} ${errorSummary(state.problem, { zh: '尚未撤銷', en: 'Not revoked yet' }, [reason, note])}
      ${radioField(reason, state)} ${textareaField({ ...note, rows: 4 }, state)}
      <button type="submit" class="warning">確認撤銷 <span lang="en">Revoke the certificate</span></button>
      <a href="${view.cancel}">取消 <span lang="en">Cancel</span></a>
    </form>`;
}
