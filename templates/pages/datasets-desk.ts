/**
 * The agency's datasets desk (/agency/datasets, inside the workspace frame): its datasets with their
 * class and version, and the form that registers a dataset or edits one (class, version, the legal
 * reason for NOT_PROVIDED, the conditions-of-use document, the distribution hash). Forms carry the
 * session's CSRF field (`csrf`).
 */
import type { DataClass, DatasetLabels } from '#domain/dataset';
import type { FieldLimits } from '#domain/field-limits';
import { html, type SafeHtml } from '../escape.ts';
import { DATA_CLASS_LABELS, type Label } from '../labels.ts';
import {
  errorSummary,
  inputField,
  radioField,
  textareaField,
  withLimits,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import { both } from './parts.ts';

const DATA_CLASS_EXPLANATIONS: Record<DataClass, Label> = {
  OPEN: {
    zh: '依政府資料開放授權條款提供，免費；須填釋出年份。',
    en: 'Under the Open Government Data License, free; give the year released.',
  },
  ON_APPLICATION: {
    zh: '依申請個別授權，得依收費基準收費；須填利用條件文件。',
    en: 'Granted on application, may carry a fee schedule; name the conditions of use.',
  },
  NOT_PROVIDED: {
    zh: '依法不提供；須填法律依據。',
    en: 'Withheld by law; give the legal reason.',
  },
};

export interface DatasetRow {
  id: string;
  title: Label;
  version: string;
  classification: DataClass;
  editUrl: string;
  publicUrl: string;
}

export interface DatasetsDeskView {
  /** The dataset's field labels: the schema's own (field-errors.ts), which head the table's columns. */
  labels: DatasetLabels;
  datasets: DatasetRow[];
  newUrl: string;
  /** After a save (303 back here): the dataset's id. */
  saved?: string;
}

export function datasetsDeskBody(view: DatasetsDeskView): SafeHtml {
  return html`${
      view.saved
        ? html`<div class="notice" role="status">
            <p>
              資料集 ${view.saved} 已儲存。 <span class="en" lang="en">Dataset ${view.saved} is saved.</span>
            </p>
          </div>`
        : ''
    }
    <p>
      <a href="${view.newUrl}">登錄資料集 <span lang="en">Register a dataset</span></a>
    </p>
    ${
      view.datasets.length === 0
        ? html`<p>尚未登錄資料集。 <span class="en" lang="en">No dataset registered yet.</span></p>`
        : html`<div class="scroll">
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">${both(view.labels.title)}</th>
                  <th scope="col">${both(view.labels.classification)}</th>
                  <th scope="col">${both(view.labels.version)}</th>
                  <th scope="col">${both({ zh: '處理', en: 'Action' })}</th>
                </tr>
              </thead>
              <tbody>
                ${view.datasets.map(
                  (d) =>
                    html`<tr>
                      <td>
                        <a href="${d.publicUrl}">${d.title.zh}</a>
                        <span class="en" lang="en">${d.title.en}</span> <br /><code>${d.id}</code>
                      </td>
                      <td>${both(DATA_CLASS_LABELS[d.classification])}</td>
                      <td>${d.version}</td>
                      <td>
                        <a href="${d.editUrl}"
                          >編輯 <span lang="en">Edit</span><span class="visually-hidden"> ${d.id}</span></a
                        >
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
}

const textField =
  (labels: DatasetLabels, limits: FieldLimits) =>
  (name: keyof DatasetLabels, extra: Partial<FieldSpec> = {}): FieldSpec =>
    withLimits({ name, label: labels[name], ...extra }, limits);

export interface DatasetFormView {
  csrf: SafeHtml;
  action: string;
  /** Editing: the id is fixed and shown, not typed. */
  editing?: string;
  form: FormState;
  /** The dataset's field labels: the schema's own, so the form and its refusals say the same words. */
  labels: DatasetLabels;
  /** Each field's `maxlength` and `required`, from the schema the post is parsed with (fieldLimitsOf). */
  limits: FieldLimits;
}

export function datasetFormSection(view: DatasetFormView): SafeHtml {
  const state = view.form;
  const text = textField(view.labels, view.limits);
  const identity = view.editing
    ? []
    : [
        text('id', {
          required: true,
          hint: {
            zh: '小寫英文字母、數字與連字號，例如 nlsc-cadastral-maps；或 data.gov.tw 的資料集編號。',
            en: 'Lower-case letters, digits and hyphens, e.g. nlsc-cadastral-maps; or the data.gov.tw dataset id.',
          },
        }),
      ];
  const basics = [
    text('title.zh'),
    text('title.en'),
    text('version', {
      hint: { zh: '證明書載明授權之版本。', en: 'Certificates name the version they grant.' },
    }),
  ];
  const classification: FieldSpec & { options: { value: string; label: Label; explanation?: Label }[] } = {
    name: 'classification',
    label: view.labels.classification,
    required: true,
    options: (['OPEN', 'ON_APPLICATION', 'NOT_PROVIDED'] as const).map((c) => ({
      value: c,
      label: DATA_CLASS_LABELS[c],
      explanation: DATA_CLASS_EXPLANATIONS[c],
    })),
  };
  const byClass = [
    text('releaseYear', { hint: { zh: '開放資料必填。', en: 'Required for open data.' } }),
    text('notProvidedReason', {
      hint: {
        zh: '不提供之資料必填，例如所依據之法律條文。',
        en: 'Required if not provided, e.g. the article of law.',
      },
    }),
  ];
  const conditions = [
    text('conditionsOfUse.title.zh'),
    text('conditionsOfUse.title.en'),
    text('conditionsOfUse.version'),
    text('conditionsOfUse.url', { hint: { zh: 'https:// 網址。', en: 'An https:// address.' } }),
  ];
  const sublicensing: FieldSpec & { options: { value: string; label: Label }[] } = {
    name: 'conditionsOfUse.sublicensing',
    label: view.labels['conditionsOfUse.sublicensing'],
    options: [
      { value: 'false', label: { zh: '不得再授權', en: 'No sublicensing' } },
      { value: 'true', label: { zh: '得再授權', en: 'Sublicensing allowed' } },
    ],
  };
  const rest = [
    text('distributionSha256', {
      hint: {
        zh: '資料檔的 SHA-256（64 個十六進位字元），將印於證明書。',
        en: 'SHA-256 of the file (64 hex digits), printed on certificates.',
      },
    }),
    text('landingUrl'),
  ];
  const description = [text('description.zh'), text('description.en')];
  const all = [
    ...identity,
    ...basics,
    classification,
    ...byClass,
    ...conditions,
    sublicensing,
    ...rest,
    ...description,
  ];
  return html`${errorSummary(state.problem, { zh: '資料集尚未儲存', en: 'The dataset is not saved' }, all)}
    <form method="post" action="${view.action}" novalidate>
      ${view.csrf}
      ${
        view.editing
          ? html`<p>${both(view.labels.id)}：<code>${view.editing}</code></p>`
          : identity.map((f) => inputField(f, state))
      }
      ${basics.map((f) => inputField(f, state))} ${radioField(classification, state)}
      ${byClass.map((f) => inputField(f, state))}
      <fieldset class="group">
        <legend>${both(view.labels.conditionsOfUse)}</legend>
        <p class="hint">
          申請提供之資料必填。 <span lang="en">Required for data provided on application.</span>
        </p>
        ${conditions.map((f) => inputField(f, state))} ${radioField(sublicensing, state)}
      </fieldset>
      ${rest.map((f) => inputField(f, state))}
      ${description.map((f) => textareaField({ ...f, rows: 3 }, state))}
      <button type="submit">儲存 <span lang="en">Save</span></button>
    </form>`;
}
