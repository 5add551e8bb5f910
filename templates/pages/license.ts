/**
 * Pages of a license request (`/licenses/new?datasetId=…`): the dataset, the license that applies and
 * what it costs, and a form; after it, the certificate (OPEN data: its number, the PDF, the verify page
 * and the attribution statement to copy) or the quote and what happens next (data on application).
 * Each in the reader's language; the attribution statement is offered in both, for use in either.
 */
import type { LicenseRequestLabels } from '#domain/license';
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { DataClass } from '#domain/dataset';
import type { Purpose } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import type { FieldLimits } from '#domain/field-limits';
import {
  errorSummary,
  inputField,
  radioField,
  withLimits,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import { page } from './layout.ts';
import { fact, onDay, tr, when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { itemRowField, LICENSE_FORM_FIELDS, type LicensePersonField } from './license-form-fields.ts';
import type { PaymentInstructions } from '#domain/fee-proposal';
import type { QuoteLine } from '#domain/license-quote';
import { fieldId } from './form-fields.ts';
import { FEE_UNIT_LABELS, PURPOSE_LABELS, type Label, ROUNDING_LABELS } from '../labels.ts';
import { CERTIFICATE_STATUS_LABELS, DATA_CLASS_LABELS } from '../labels.ts';
import { PURPOSE_EXPLANATIONS } from '../labels.ts';
import { myLicensesSection } from './my-licenses.ts';
import { certificateStatusMeaning, type CertificateStanding } from '../certificate-status.ts';
import { money } from '../format.ts';
import { paymentWays } from './payment-instructions.ts';

export { LICENSE_FORM_FIELDS };

export interface LicenseScheduleView {
  proposalId: string;
  title: AgencyText;
  effectiveFrom: string;
  url: string;
  items: {
    id: string;
    name: AgencyText;
    unit: keyof typeof FEE_UNIT_LABELS;
    amountTwd: number;
    maxQuantity?: number;
  }[];
  reductions: { purpose: Purpose; percent: number }[];
  /** Its review-by date has come. */
  dueForReview?: boolean;
}

export interface LicenseDatasetView {
  id: string;
  title: Label;
  agencyName: Label;
  version: string;
  classification: DataClass;
  description?: Label;
  notProvidedReason?: string;
  /** ON_APPLICATION: the fee schedule in force today, if any (none: free). */
  feeSchedule?: LicenseScheduleView;
  /** The schedule that takes effect next, if one is published. */
  nextFeeSchedule?: LicenseScheduleView;
}

export interface LicenseRequestPageView {
  dataset: LicenseDatasetView;
  action: string;
  form?: FormState;
  /** The form's field labels: the schema's own, so the form and its refusals say the same words. */
  fieldLabels: LicenseRequestLabels;
  /** Each field's `maxlength` and `required`, from the schema (fieldLimitsOf). */
  fieldLimits: FieldLimits;
}

const licenseFields = (labels: LicenseRequestLabels): Record<LicensePersonField, FieldSpec> => ({
  'licensee.name': {
    name: 'licensee.name',
    label: labels['licensee.name'],
    hint: { zh: '印於授權證明書。', en: 'Printed on the certificate.' },
    fix: { zh: '請填寫姓名（最多 200 字）。', en: 'Give a name (up to 200 characters).' },
    autocomplete: 'name',
  },
  'licensee.email': {
    name: 'licensee.email',
    label: labels['licensee.email'],
    hint: {
      zh: '不印於證明書，也不公開；用於辨識同一被授權人。',
      en: 'Not printed on the certificate nor published; it tells one licensee from another.',
    },
    fix: { zh: '請填寫有效的電子郵件地址。', en: 'Give a valid e-mail address.' },
    type: 'email',
    autocomplete: 'email',
  },
  'licensee.organization': {
    name: 'licensee.organization',
    label: labels['licensee.organization'],
    hint: {
      zh: '代表組織取得授權者請填寫，印於證明書。',
      en: 'If you act for an organization; printed on the certificate.',
    },
    fix: { zh: '名稱最多 200 字。', en: 'At most 200 characters.' },
    autocomplete: 'organization',
  },
  purpose: {
    name: 'purpose',
    label: labels.purpose,
    fix: { zh: '請選擇一項利用目的。', en: 'Choose one purpose.' },
    required: true,
  },
});

const REFUSALS: Record<string, Label> = {
  DATASET_NOT_PROVIDED: {
    zh: '此資料集不予提供，無法申請授權。',
    en: 'This dataset is not provided, so no license can be requested.',
  },
  LICENSE_AWAITING_PAYMENT: {
    zh: '您已以其他利用目的申請此資料集本版次之授權，尚待繳費；每位被授權人每一版次僅有一項授權。',
    en: 'You already asked for this dataset version for another purpose and it awaits payment; one licensee holds one grant per dataset version.',
  },
  FEE_ITEMS_REQUIRED: {
    zh: '請於收費項目中至少填寫一項數量。',
    en: 'Give a quantity for at least one fee item.',
  },
  QUANTITY_OUT_OF_LIMITS: {
    zh: '數量須為整數，且在該項目之上限內。',
    en: 'A quantity must be a whole number within the item’s limit.',
  },
  UNKNOWN_FEE_ITEM: {
    zh: '收費基準已更新，部分項目已不適用；請重新選擇。',
    en: 'The fee schedule has changed and an item no longer exists; choose again.',
  },
  NO_FEE_SCHEDULE_IN_FORCE: {
    zh: '此資料集目前無收費基準，免費提供，無須選擇收費項目。',
    en: 'No fee schedule is in force for this dataset: it is free and takes no fee items.',
  },
};

/** The quantity input of a schedule item's row in the form. */
function quantitySpec(row: number, item: LicenseScheduleView['items'][number]): FieldSpec {
  const limit = item.maxQuantity ?? 1_000_000;
  return {
    name: itemRowField(row, 'quantity'),
    label: item.name,
    fix: {
      zh: `請填 1 至 ${limit} 的整數，或留空。`,
      en: `Give a whole number from 1 to ${limit}, or leave empty.`,
    },
  };
}

export function scheduleFacts(schedule: LicenseScheduleView, heading: Label, lang?: Lang): SafeHtml {
  return html`<dl class="facts">
    ${fact(heading, html`<a href="${schedule.url}">${tr(schedule.title, lang)}</a>`, lang)}
    ${fact(
      { zh: '生效日', en: 'In force from' },
      html`${onDay(schedule.effectiveFrom, lang)}${
        schedule.dueForReview
          ? html` <span class="tag">${tr({ zh: '已屆檢討期限', en: 'due for review' }, lang)}</span>`
          : ''
      }`,
      lang,
    )}
    ${
      schedule.reductions.length > 0
        ? fact(
            { zh: '差別費率', en: 'Reductions' },
            html`${schedule.reductions.map(
              (r) =>
                html`${tr(
                    {
                      zh: `${PURPOSE_LABELS[r.purpose].zh} 減收 ${r.percent}%`,
                      en: `${PURPOSE_LABELS[r.purpose].en}: ${r.percent}% off`,
                    },
                    lang,
                  )}<br />`,
            )}`,
            lang,
          )
        : ''
    }
  </dl>`;
}

/** The items of the schedule in force, each with its charge and a quantity to fill (empty: not wanted). */
function itemRows(schedule: LicenseScheduleView, state: FormState, lang: Lang): SafeHtml {
  const t = say(lang);
  return html`<fieldset>
    <legend>${t({ zh: '收費項目與數量', en: 'Fee items and quantities' })}</legend>
    <p class="hint">
      ${t({ zh: '請填寫所需項目的數量，不需要的項目留空。', en: 'Give how many of each item you need; leave the others empty.' })}
    </p>
    ${schedule.items.map((item, row) => {
      const spec = quantitySpec(row, item);
      const error = state.problem?.fields[spec.name] ?? state.problem?.fields[itemRowField(row, 'itemId')];
      const id = fieldId(spec.name);
      return html`<div class="field">
        <input type="hidden" name="${itemRowField(row, 'itemId')}" value="${item.id}" />
        <label for="${id}"
          >${t(item.name)}${lang === 'zh' ? '：' : ': '}${money(item.amountTwd)}
          ${t(FEE_UNIT_LABELS[item.unit])}</label
        >${error !== undefined ? html`<p class="field-error" id="${id}-error">${t(spec.fix!)}</p>` : ''}
        <input
          type="number"
          inputmode="numeric"
          min="1"
          max="${item.maxQuantity ?? 1_000_000}"
          step="1"
          id="${id}"
          name="${spec.name}"
          value="${state.values[spec.name] ?? ''}"
          ${error !== undefined ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}
        />
      </div>`;
    })}
  </fieldset>`;
}

export function datasetFacts(dataset: LicenseDatasetView, lang?: Lang): SafeHtml {
  const twoLines = (label: Label) =>
    lang ? tr(label, lang) : html`${label.zh}<br /><span lang="en">${label.en}</span>`;
  return html`<dl class="facts">
    ${fact({ zh: '資料集', en: 'Dataset' }, twoLines(dataset.title), lang)}
    ${fact({ zh: '提供機關', en: 'Provided by' }, twoLines(dataset.agencyName), lang)}
    ${fact({ zh: '版本', en: 'Version' }, html`${dataset.version} <span class="muted">(${dataset.id})</span>`, lang)}
    ${fact({ zh: '資料類別', en: 'Data class' }, tr(DATA_CLASS_LABELS[dataset.classification], lang), lang)}
    ${dataset.description ? fact({ zh: '說明', en: 'Description' }, tr(dataset.description, lang), lang) : ''}
  </dl>`;
}

/** The request page's words. */
const R = {
  title: { zh: '申請資料授權', en: 'Obtain a data license' },
} satisfies Record<string, Label>;

/** How the certificate and quote pages name the dataset. */
const DATASET: Label = { zh: '資料集', en: 'Dataset' };

function whatApplies(dataset: LicenseDatasetView, lang: Lang): SafeHtml {
  const t = say(lang);
  if (dataset.classification === 'OPEN') {
    return html`<div class="notice ok">
      <p>
        ${
          lang === 'zh'
            ? html`本資料集為開放資料，依<a href="https://data.gov.tw/license">政府資料開放授權條款－第1版</a
                >免費授權，任何目的皆可利用，授權不可撤回。送出後立即核發授權證明書。`
            : html`This is open data, licensed free of charge under the
                <a href="https://data.gov.tw/en/license">Open Government Data License, version 1.0</a>: any
                purpose, irrevocable. The certificate is issued as soon as you send the form.`
        }
      </p>
    </div>`;
  }
  const schedule = dataset.feeSchedule;
  if (!schedule) {
    return html`<div class="notice">
        <p>
          ${t({
            zh: '本資料集依申請提供，目前無收費基準，免費提供；機關確認後核發授權證明書。',
            en: 'This dataset is provided on application. No fee schedule applies, so it is free; the certificate is issued once the agency confirms.',
          })}
        </p>
      </div>
      ${nextSchedule(dataset, lang)}`;
  }
  return html`<div class="notice">
      <p>
        ${t({
          zh: '本資料集依申請提供，依現行收費基準收費。請選擇項目與數量，送出後顯示報價，機關確認收款後核發授權證明書。',
          en: 'This dataset is provided on application, for a fee under the fee schedule in force. Choose the items and quantities; you get a quote when you send the form, and the certificate once the agency confirms payment.',
        })}
      </p>
    </div>
    ${scheduleFacts(schedule, { zh: '現行收費基準', en: 'Fee schedule in force' }, lang)}
    ${nextSchedule(dataset, lang)}`;
}

function nextSchedule(dataset: LicenseDatasetView, lang: Lang): SafeHtml {
  const next = dataset.nextFeeSchedule;
  if (!next) return html``;
  return html`<p class="muted">
      ${
        lang === 'zh'
          ? html`新收費基準將於 ${onDay(next.effectiveFrom, 'zh')} 生效；在此之前之申請依現行基準計費。`
          : html`A new fee schedule takes effect on ${onDay(next.effectiveFrom, 'en')}; requests before then
            are priced by the one in force.`
      }
    </p>
    ${scheduleFacts(next, { zh: '下一收費基準', en: 'Next fee schedule' }, lang)}`;
}

export function licenseRequestPage(view: LicenseRequestPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { dataset } = view;
  const state: FormState = view.form ?? { values: {} };
  const FIELDS = Object.fromEntries(
    Object.entries(licenseFields(view.fieldLabels)).map(([name, spec]) => [
      name,
      withLimits(spec, view.fieldLimits),
    ]),
  ) as ReturnType<typeof licenseFields>;
  if (dataset.classification === 'NOT_PROVIDED') {
    return page(
      R.title,
      html`${datasetFacts(dataset, lang)}
        <div class="notice warn">
          <p>
            ${t({
              zh: '此資料集不予提供，無法申請授權。',
              en: 'This dataset is not provided, so no license can be requested for it.',
            })}
          </p>
          ${dataset.notProvidedReason ? html`<p>${t({ zh: '法律依據', en: 'Legal reason' })}${lang === 'zh' ? '：' : ': '}${dataset.notProvidedReason}</p>` : ''}
        </div>`,
      { styles: PUBLIC_STYLES, locale },
    );
  }
  const body = html`${errorSummary(
      state.problem,
      { zh: '授權申請尚未送出', en: 'Your request has not been sent' },
      [
        ...Object.values(FIELDS),
        ...(dataset.feeSchedule?.items.map((item, row) => quantitySpec(row, item)) ?? []),
      ],
      REFUSALS,
      lang,
    )}
    ${datasetFacts(dataset, lang)} ${whatApplies(dataset, lang)}
    <h2>${t({ zh: '申請人', en: 'Licensee' })}</h2>
    <form method="post" action="${view.action}">
      <input type="hidden" name="datasetId" value="${dataset.id}" />
      ${inputField(FIELDS['licensee.name'], state, lang)}
      ${inputField(FIELDS['licensee.organization'], state, lang)}
      ${inputField(FIELDS['licensee.email'], state, lang)}
      ${radioField(
        {
          ...FIELDS.purpose,
          options: (Object.keys(PURPOSE_LABELS) as Purpose[]).map((p) => ({
            value: p,
            label: PURPOSE_LABELS[p],
            explanation: PURPOSE_EXPLANATIONS[p],
          })),
        },
        state,
        lang,
      )}
      ${dataset.feeSchedule ? itemRows(dataset.feeSchedule, state, lang) : ''}
      <p class="muted">
        ${t({
          zh: '送出後我們會寄確認信到您的電子郵件地址，您按下信中連結確認後才會核發。證明書載明姓名及機構；持有證明書連結或檔案者可在驗證頁看到姓名及機構，其他人只看到證明書狀態及資料集。電子郵件地址不公開。',
          en: 'We mail a link to your address; nothing is issued until you confirm from it. The certificate names you and your organisation; its verify page shows them to whoever holds the certificate’s link or file, to anyone else only its status and dataset. Your e-mail address is never shown.',
        })}
      </p>
      <div class="actions">
        <button type="submit">
          ${t(dataset.classification === 'OPEN' ? { zh: '取得授權證明書', en: 'Get the certificate' } : { zh: '送出申請並取得報價', en: 'Send and get a quote' })}
        </button>
      </div>
    </form>`;
  return page(R.title, body, { styles: PUBLIC_STYLES, locale });
}

export interface LicenseIssuedPageView {
  number: string;
  pdfUrl: string;
  verifyUrl: string;
  issuedAt: string;
  licensee: { name: string; organization?: string };
  dataset: { title: Label; version: string; agencyName: Label };
  /** OGDL: the three-part attribution statement; on application: the 「資料來源」 line; each language as one text. */
  attribution: Label;
  kind: 'OGDL' | 'ON_APPLICATION';
  /** The certificate's status as it stands now (the agency may have marked it since it was issued). */
  standing: CertificateStanding;
  /** When it was marked, if it was. */
  markedAt?: string;
  /** Where the "my licenses" form posts. */
  myLicensesAction: string;
  /** True when the licensee already held this grant and the same certificate is shown again. */
  reused: boolean;
}

/** The head of a license's page: issued, or the status its agency marked it with and what that means. */
function certificateNotice(view: LicenseIssuedPageView, lang: Lang): SafeHtml {
  const t = say(lang);
  if (view.standing.status === 'VALID') {
    return html`<div class="notice ok" role="status">
      <p>
        <strong
          >${t(
            view.reused
              ? {
                  zh: '您已持有此授權，以下為原證明書。',
                  en: 'You already hold this license: here is its certificate.',
                }
              : { zh: '授權證明書已核發。', en: 'Your license certificate is issued.' },
          )}</strong
        >
      </p>
    </div>`;
  }
  const words = CERTIFICATE_STATUS_LABELS[view.standing.status];
  const { text } = certificateStatusMeaning(view.standing);
  return html`<div class="notice warn" role="status">
    <p>
      ${
        lang === 'zh'
          ? html`<strong>授權證明書${words.zh}</strong
              >${view.markedAt ? html`（${when(view.markedAt, 'zh')}）` : ''}：${text.zh}`
          : html`<strong>Certificate: ${words.en}</strong
              >${view.markedAt ? html` (${when(view.markedAt, 'en')})` : ''}. ${text.en}`
      }
    </p>
  </div>`;
}

/** A dataset and its version, as the license pages name it. */
const datasetWithVersion = (dataset: { title: Label; version: string }, lang: Lang) =>
  lang === 'zh' ? `${dataset.title.zh}（${dataset.version}）` : `${dataset.title.en} (${dataset.version})`;

export function licenseIssuedPage(view: LicenseIssuedPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const body = html`${certificateNotice(view, lang)}
    <dl class="facts">
      ${fact({ zh: '證書編號', en: 'Certificate No.' }, html`<strong>${view.number}</strong>`, lang)}
      ${fact({ zh: '狀態', en: 'Status' }, t(CERTIFICATE_STATUS_LABELS[view.standing.status]), lang)}
      ${fact(
        { zh: '被授權人', en: 'Licensee' },
        view.licensee.organization
          ? `${view.licensee.name}${lang === 'zh' ? `（${view.licensee.organization}）` : ` (${view.licensee.organization})`}`
          : view.licensee.name,
        lang,
      )}
      ${fact(DATASET, datasetWithVersion(view.dataset, lang), lang)}
      ${fact({ zh: '發證時間', en: 'Issued' }, when(view.issuedAt, lang), lang)}
    </dl>
    <div class="actions">
      <a class="button" href="${view.pdfUrl}" download="${view.number}.pdf"
        >${t({ zh: '下載授權證明書 PDF', en: 'Download the certificate (PDF)' })}</a
      >
      <a class="button secondary" href="${view.verifyUrl}">${t({ zh: '驗證頁面', en: 'Verify page' })}</a>
    </div>
    ${
      view.kind === 'OGDL'
        ? html`<h2>${t({ zh: '顯名聲明', en: 'Attribution statement' })}</h2>
            <p>
              ${t({
                zh: '利用本資料時，請完整標示下列顯名聲明；未標示者，視為自始未取得授權。',
                en: 'Wherever you use the data, carry this attribution statement in full: without it the grant is deemed void from the start.',
              })}
            </p>`
        : html`<h2>${t({ zh: '資料來源', en: 'Source' })}</h2>
            <p>
              ${t({
                zh: '利用本資料時，請標示下列資料來源，並遵守證明書所載之利用條件。',
                en: 'Wherever you use the data, credit its source as below and keep to the conditions of use named on the certificate.',
              })}
            </p>`
    }
    <label for="attribution-zh">${t({ zh: '中文', en: 'Chinese' })}</label>
    <textarea id="attribution-zh" class="statement" rows="4" readonly lang="zh-Hant-TW">
${view.attribution.zh}</textarea>
    <label for="attribution-en">${t({ zh: '英文', en: 'English' })}</label>
    <textarea id="attribution-en" class="statement" rows="4" readonly lang="en">
${view.attribution.en}</textarea>
    <p class="muted">
      ${t({
        zh: '證明書上的 QR 碼連至驗證頁面，任何人皆可確認證明書的狀態與數位簽章。',
        en: 'The QR code on the certificate leads to the verify page, where anyone can check its status and digital signature.',
      })}
    </p>
    ${myLicensesSection(view.myLicensesAction, lang)}`;
  return page({ zh: '授權證明書', en: 'License certificate' }, body, { styles: PUBLIC_STYLES, locale });
}

export interface LicenseQuotedPageView {
  licenseId: string;
  requestedAt: string;
  dataset: { title: Label; version: string; agencyName: Label };
  quote: QuoteView;
  /** Where the "my licenses" form posts. */
  myLicensesAction: string;
  reused: boolean;
}

/** A quote as the licensee reads it: its lines, the reduction, the total, and the schedule that priced it. */
export interface QuoteView {
  lines: QuoteLine[];
  subtotalTwd: number;
  reductionPercent: number;
  reductionTwd: number;
  totalTwd: number;
  rounding: keyof typeof ROUNDING_LABELS;
  purpose: Purpose;
  schedule?: { title: AgencyText; url: string; legalBasis: string; payment?: PaymentInstructions };
}

/** How to pay, as the schedule says, with the reference that ties the payment to this quote. */
export function paymentSteps(
  licenseId: string,
  payment: PaymentInstructions | undefined,
  lang: Lang,
): SafeHtml {
  if (!payment)
    return html`<li>
      ${
        {
          zh: '提供機關將與您聯繫繳費方式；繳費時請註明申請編號',
          en: 'The providing agency tells you how to pay; quote the request number with your payment:',
        }[lang]
      } <strong>${licenseId}</strong>
    </li>`;
  return html`<li>
    ${
      lang === 'zh'
        ? html`繳費（受款人：${payment.payee.zh}），任選一種方式，並於附言註明申請編號
            <strong>${licenseId}</strong>：`
        : html`Pay ${inEnglish(payment.payee)} in one of these ways, quoting the request number
            <strong>${licenseId}</strong>:`
    }
    ${paymentWays(payment, lang)}
  </li>`;
}

/** A column heading: the page's language, or both with the English below (the agency's desk). */
const heading = (label: Label, lang?: Lang) =>
  lang ? html`${label[lang]}` : html`${label.zh}<span class="en" lang="en">${label.en}</span>`;

/**
 * The lines of a quote, its subtotal, the reduction and the total to pay: for the licensee (in the
 * page's `lang`) and the agency's desk (both languages) alike.
 */
export function quoteTable(quote: QuoteView, lang?: Lang): SafeHtml {
  const purpose = PURPOSE_LABELS[quote.purpose];
  const reduction = {
    zh: `${purpose.zh}減收 ${quote.reductionPercent}%`,
    en: `${purpose.en}: ${quote.reductionPercent}% off`,
  };
  return html`<div class="scroll">
    <table>
      <caption>
        ${tr({ zh: '報價', en: 'Quote' }, lang)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${heading({ zh: '項目', en: 'Item' }, lang)}</th>
          <th scope="col" class="num">${heading({ zh: '單價', en: 'Unit charge' }, lang)}</th>
          <th scope="col" class="num">${heading({ zh: '數量', en: 'Quantity' }, lang)}</th>
          <th scope="col" class="num">${heading({ zh: '小計', en: 'Line total' }, lang)}</th>
        </tr>
      </thead>
      <tbody>
        ${quote.lines.map(
          (i) =>
            html`<tr>
              <td>${tr(i.name, lang)}</td>
              <td class="num">
                ${money(i.unitAmountTwd)}
                <span class="en"
                  >${lang ? FEE_UNIT_LABELS[i.unit][lang] : `${FEE_UNIT_LABELS[i.unit].zh} ${FEE_UNIT_LABELS[i.unit].en}`}</span
                >
              </td>
              <td class="num">${i.quantity}</td>
              <td class="num">${money(i.amountTwd)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="3">${tr({ zh: '合計', en: 'Subtotal' }, lang)}</th>
          <td class="num">${money(quote.subtotalTwd)}</td>
        </tr>
        ${
          quote.reductionPercent > 0
            ? html`<tr>
                <th scope="row" colspan="3">${tr(reduction, lang)}</th>
                <td class="num">−${money(quote.reductionTwd)}</td>
              </tr>`
            : ''
        }
        <tr>
          <th scope="row" colspan="3">${tr({ zh: '應繳金額', en: 'To pay' }, lang)}</th>
          <td class="num"><strong>${money(quote.totalTwd)}</strong></td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

export function licenseQuotedPage(view: LicenseQuotedPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const colon = lang === 'zh' ? '：' : ': ';
  const { quote } = view;
  const body = html`<div class="notice" role="status">
      <p>
        <strong
          >${t(
            view.reused
              ? {
                  zh: '您先前的申請仍待繳費，以下為原報價。',
                  en: 'Your earlier request still awaits payment; here is its quote.',
                }
              : { zh: '已收到您的申請，以下為報價。', en: 'Your request is received; here is the quote.' },
          )}</strong
        >
      </p>
    </div>
    <dl class="facts">
      ${fact({ zh: '申請編號', en: 'Request No.' }, html`<strong>${view.licenseId}</strong>`, lang)}
      ${fact(DATASET, datasetWithVersion(view.dataset, lang), lang)}
      ${fact({ zh: '提供機關', en: 'Provided by' }, t(view.dataset.agencyName), lang)}
      ${fact({ zh: '利用目的', en: 'Purpose' }, t(PURPOSE_LABELS[quote.purpose]), lang)}
      ${quote.schedule ? fact({ zh: '收費基準', en: 'Fee schedule' }, html`<a href="${quote.schedule.url}">${t(quote.schedule.title)}</a>`, lang) : ''}
      ${fact({ zh: '申請時間', en: 'Requested' }, when(view.requestedAt, lang), lang)}
    </dl>
    ${quoteTable(quote, lang)}
    <p class="muted">${t({ zh: '計算方式', en: 'Rounding' })}${colon}${t(ROUNDING_LABELS[quote.rounding])}</p>
    ${quote.schedule ? html`<p class="muted">${t({ zh: '計費法令依據', en: 'Legal basis' })}${colon}${quote.schedule.legalBasis}</p>` : ''}
    <h2>${t({ zh: '接下來', en: 'What happens next' })}</h2>
    <ol>
      ${paymentSteps(view.licenseId, quote.schedule?.payment, lang)}
      <li>
        ${t({
          zh: '機關確認收款後核發授權證明書（PDF，附驗證 QR 碼）。',
          en: 'Once the agency confirms the payment, it issues the license certificate (a PDF with a verification QR code).',
        })}
      </li>
    </ol>
    ${myLicensesSection(view.myLicensesAction, lang)}`;
  return page({ zh: '授權申請報價', en: 'License quote' }, body, { styles: PUBLIC_STYLES, locale });
}
