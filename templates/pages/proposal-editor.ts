/**
 * The proposal editor's form (the agency workspace): title, datasets, the four points of necessity,
 * legal basis, effective date and consultation, fee items with their cost lines, reductions by
 * purpose, and how licensees pay (payee and up to five ways). Rows are added and removed with submit buttons (no script); each post comes back with the
 * documented unit cost, the marginal cost and whether an exception reason is needed, as the server
 * computed them from the fee rules. Refusals are shown next to each field and in a summary on top.
 */
import type { CostCategory, FeeUnit, PaymentMethod, Purpose } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import {
  DEFAULT_SUBMIT_STYLE,
  defaultSubmit,
  errorSummary,
  fieldId,
  inputField,
  selectField,
  textareaField,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import { NOT_SAVED, savedNotice } from './edit-form-parts.ts';
import { both } from './parts.ts';
import {
  FEE_UNIT_LABELS,
  COST_CATEGORY_LABELS,
  PAYMENT_METHOD_LABELS,
  PURPOSE_LABELS,
  type Label,
} from '../labels.ts';
import { money } from '../format.ts';

/** What the server computed for an item from the rows as posted; absent while its lines are incomplete. */
export interface ItemCostsView {
  documentedUnitCostTwd: number;
  marginalUnitCostTwd: number;
  /** The charge, when it is a valid amount. */
  amountTwd?: number;
  exceptionReasonNeeded: boolean;
  chargeAboveDocumented: boolean;
}

export interface ProposalEditorView {
  /** Where the form posts (the editor's own address). */
  action: string;
  /** The hidden CSRF field of the workspace form. */
  csrf: SafeHtml;
  /** The agency's own datasets a fee may attach to (data on application). */
  datasets: { id: string; title: Label }[];
  /** Item rows and cost-line rows in the order of the form, by index; how many ways to pay it offers. */
  rows: { items: { lines: number }[]; paymentWays: number };
  state: FormState;
  costs: (ItemCostsView | undefined)[];
  /** A revision after changes requested: the members' reasons are above the form. */
  revision?: boolean;
  notice?: 'SAVED';
}

const UNITS = Object.keys(FEE_UNIT_LABELS) as FeeUnit[];
const CATEGORIES = Object.keys(COST_CATEGORY_LABELS) as CostCategory[];
const PURPOSES = Object.keys(PURPOSE_LABELS) as Purpose[];
const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_LABELS) as PaymentMethod[];

const TEXT_FIX = (max: number): Label => ({
  zh: `請填寫，最多 ${max.toLocaleString('en-US')} 字。`,
  en: `Fill this in, in at most ${max.toLocaleString('en-US')} characters.`,
});
const EN_FIX: Label = {
  zh: '英文為選填；填寫時最多 300 字且為單行。',
  en: 'English is optional; if given, at most 300 characters on one line.',
};
const AMOUNT_FIX: Label = {
  zh: '請填 0 以上的整數（新臺幣元）。',
  en: 'Give a whole number of New Taiwan dollars, 0 or more.',
};

/** The form's fields that are not in a row, by name. */
export const PROPOSAL_FIELDS = {
  'title.zh': {
    name: 'title.zh',
    label: { zh: '收費基準名稱（中文）', en: 'Title of the fee schedule (Chinese)' },
    fix: {
      zh: '請填寫中文名稱（單行，最多 300 字）。',
      en: 'Give a Chinese title, on one line (at most 300 characters).',
    },
    required: true,
    maxlength: 300,
  },
  'title.en': {
    name: 'title.en',
    label: { zh: '收費基準名稱（英文）', en: 'Title (English)' },
    hint: {
      zh: '未填時頁面及文件僅顯示中文。',
      en: 'Without it, pages and documents show the Chinese alone.',
    },
    fix: EN_FIX,
    maxlength: 300,
  },
  datasetIds: {
    name: 'datasetIds',
    label: { zh: '適用資料集', en: 'Datasets' },
    hint: {
      zh: '僅列出本機關「依申請提供」之資料集；開放資料一律免費。',
      en: 'Only your agency’s datasets provided on application are listed; open data is always free.',
    },
    fix: {
      zh: '請至少勾選一個本機關依申請提供之資料集。',
      en: 'Tick at least one of your datasets provided on application.',
    },
    required: true,
  },
  'justification.publicInterest': {
    name: 'justification.publicInterest',
    label: { zh: '公共利益', en: 'Public interest' },
    hint: { zh: '收費對公共利益之影響。', en: 'How a fee bears on the public interest.' },
    fix: TEXT_FIX(3000),
    required: true,
    maxlength: 3000,
  },
  'justification.privacyAndTradeSecrets': {
    name: 'justification.privacyAndTradeSecrets',
    label: { zh: '隱私及營業秘密', en: 'Privacy and trade secrets' },
    fix: TEXT_FIX(3000),
    required: true,
    maxlength: 3000,
  },
  'justification.costOfProduction': {
    name: 'justification.costOfProduction',
    label: { zh: '建置或客製成本', en: 'Cost of production' },
    fix: TEXT_FIX(3000),
    required: true,
    maxlength: 3000,
  },
  'justification.rightsHeld': {
    name: 'justification.rightsHeld',
    label: { zh: '權利歸屬', en: 'Rights held' },
    hint: { zh: '機關是否擁有完整權利。', en: 'Whether the agency holds full rights.' },
    fix: TEXT_FIX(3000),
    required: true,
    maxlength: 3000,
  },
  legalBasis: {
    name: 'legalBasis',
    label: { zh: '法令依據', en: 'Legal basis' },
    hint: {
      zh: '例：規費法第10條；政府資訊公開法第22條',
      en: 'e.g. Fees Act art. 10; Freedom of Government Information Law art. 22',
    },
    fix: TEXT_FIX(1000),
    required: true,
    maxlength: 1000,
  },
  explanationUrl: {
    name: 'explanationUrl',
    label: { zh: '計費說明網址', en: 'Explanation URL' },
    fix: { zh: '請填 https:// 開頭之網址，或留空。', en: 'Give an https:// address, or leave it empty.' },
    maxlength: 2000,
  },
  effectiveFrom: {
    name: 'effectiveFrom',
    label: { zh: '預定生效日（臺北時間）', en: 'Effective from (Taipei date)' },
    hint: {
      zh: '不得早於公開徵詢及審議結束；送出時再依徵詢期間檢查。',
      en: 'Not before the consultation and the vote can end; checked again on submission.',
    },
    fix: { zh: '請選擇今天以後的日期（年-月-日）。', en: 'Choose a date from today on (YYYY-MM-DD).' },
    required: true,
    type: 'date',
  },
  consultationDays: {
    name: 'consultationDays',
    label: { zh: '公開徵詢天數', en: 'Consultation days' },
    hint: {
      zh: '留空為預設 60 日；較短者須填寫急迫理由。',
      en: 'Empty means the default of 60 days; a shorter one needs an urgency reason.',
    },
    fix: {
      zh: '請填 1 至 180 的整數，或留空。',
      en: 'Give a whole number from 1 to 180, or leave it empty.',
    },
  },
  urgencyReason: {
    name: 'urgencyReason',
    label: { zh: '縮短徵詢期間之急迫理由', en: 'Urgency reason for a shorter consultation' },
    fix: TEXT_FIX(1000),
    maxlength: 1000,
  },
} satisfies Record<string, FieldSpec>;

/** The payee of the payment instructions; Chinese needed once any of them is filled in. */
export const PAYEE_FIELDS = {
  'paymentInstructions.payee.zh': {
    name: 'paymentInstructions.payee.zh',
    label: { zh: '受款人（中文）', en: 'Payee (Chinese)' },
    hint: {
      zh: '填寫繳費方式時必填，例如機關全銜。',
      en: 'Needed once you give payment instructions, e.g. the agency’s full name.',
    },
    fix: {
      zh: '填寫繳費方式時，請填寫中文受款人（最多 300 字）。',
      en: 'With payment instructions, give the payee in Chinese (at most 300 characters).',
    },
    maxlength: 300,
  },
  'paymentInstructions.payee.en': {
    name: 'paymentInstructions.payee.en',
    label: { zh: '受款人（英文）', en: 'Payee (English)' },
    fix: {
      zh: '英文為選填；填寫時最多 300 字。',
      en: 'English is optional; if given, at most 300 characters.',
    },
    maxlength: 300,
  },
} satisfies Record<string, FieldSpec>;

const wayField = (i: number, field: string) => `paymentInstructions.methods.${i}.${field}`;

/** The fields of the `i`th way to pay. */
export function paymentWayFieldSpecs(i: number) {
  const n = i + 1;
  return {
    method: {
      name: wayField(i, 'method'),
      label: { zh: `繳費方式 ${n}`, en: `Way to pay ${n}` },
      fix: { zh: '請選擇繳費方式，或清空本列。', en: 'Choose how, or empty this row.' },
    },
    'details.zh': {
      name: wayField(i, 'details.zh'),
      label: { zh: `繳費方式 ${n} 說明（中文）`, en: `Way to pay ${n}: details (Chinese)` },
      hint: {
        zh: '例如銀行、分行及帳號，或櫃檯地址及時間。',
        en: 'e.g. bank, branch and account number, or the counter’s address and hours.',
      },
      fix: {
        zh: '選擇繳費方式時，請填寫中文說明（最多 300 字）。',
        en: 'With a way to pay, give its details in Chinese (at most 300 characters).',
      },
      maxlength: 300,
    },
    'details.en': {
      name: wayField(i, 'details.en'),
      label: { zh: `繳費方式 ${n} 說明（英文）`, en: `Way to pay ${n}: details (English)` },
      fix: {
        zh: '英文為選填；填寫時最多 300 字。',
        en: 'English is optional; if given, at most 300 characters.',
      },
      maxlength: 300,
    },
  } satisfies Record<string, FieldSpec>;
}

/** A refusal of the ways as a whole (payee given, no way to pay). */
const PAYMENT_WAYS_SPEC: FieldSpec = {
  name: 'paymentInstructions.methods',
  label: { zh: '繳費方式', en: 'Ways to pay' },
  fix: {
    zh: '填寫受款人時，請至少填寫一種繳費方式。',
    en: 'With a payee, give at least one way to pay.',
  },
};

const itemField = (i: number, field: string) => `items.${i}.${field}`;
const lineField = (i: number, j: number, field: string) => `items.${i}.costLines.${j}.${field}`;

/** The fields of item `i`'s row (its id travels hidden: it names the item in comments and links). */
export function itemFieldSpecs(i: number) {
  const n = i + 1;
  return {
    'name.zh': {
      name: itemField(i, 'name.zh'),
      label: { zh: `項目 ${n} 名稱（中文）`, en: `Item ${n} name (Chinese)` },
      fix: { zh: '請填寫中文名稱（最多 300 字）。', en: 'Give a Chinese name (at most 300 characters).' },
      required: true,
      maxlength: 300,
    },
    'name.en': {
      name: itemField(i, 'name.en'),
      label: { zh: `項目 ${n} 名稱（英文）`, en: `Item ${n} name (English)` },
      fix: EN_FIX,
      maxlength: 300,
    },
    unit: {
      name: itemField(i, 'unit'),
      label: { zh: `項目 ${n} 計費單位`, en: `Item ${n} unit` },
      fix: { zh: '請選擇計費單位。', en: 'Choose a unit.' },
      required: true,
    },
    amountTwd: {
      name: itemField(i, 'amountTwd'),
      label: { zh: `項目 ${n} 收費（新臺幣元）`, en: `Item ${n} charge (NT$)` },
      hint: { zh: '不得高於文件化單位成本。', en: 'May not exceed the documented unit cost.' },
      fix: {
        zh: '請填整數元，且不得高於下方成本明細之文件化單位成本。',
        en: 'Give whole dollars, no more than the documented unit cost of the cost lines below.',
      },
      required: true,
    },
    exceptionReason: {
      name: itemField(i, 'exceptionReason'),
      label: {
        zh: `項目 ${n} 高於邊際成本之例外理由`,
        en: `Item ${n} exception reason (charge above marginal cost)`,
      },
      fix: {
        zh: '收費高於邊際成本（重製、提供及傳布）時，須敘明例外理由（最多 1,000 字）。',
        en: 'A charge above the marginal cost of reproduction, provision and dissemination needs a reason (at most 1,000 characters).',
      },
      maxlength: 1000,
    },
    maxQuantity: {
      name: itemField(i, 'maxQuantity'),
      label: { zh: `項目 ${n} 每次申請數量上限`, en: `Item ${n} most units per request` },
      fix: { zh: '請填 1 以上的整數，或留空。', en: 'Give a whole number, 1 or more, or leave it empty.' },
    },
  } satisfies Record<string, FieldSpec>;
}

export function lineFieldSpecs(i: number, j: number) {
  const where = { zh: `項目 ${i + 1} 成本 ${j + 1}`, en: `Item ${i + 1} cost line ${j + 1}` };
  return {
    category: {
      name: lineField(i, j, 'category'),
      label: { zh: `${where.zh} 類別`, en: `${where.en}: category` },
      fix: { zh: '請選擇成本類別。', en: 'Choose a category.' },
      required: true,
    },
    description: {
      name: lineField(i, j, 'description'),
      label: { zh: `${where.zh} 說明`, en: `${where.en}: description` },
      fix: TEXT_FIX(300),
      required: true,
      maxlength: 300,
    },
    quantity: {
      name: lineField(i, j, 'quantity'),
      label: { zh: `${where.zh} 數量`, en: `${where.en}: quantity` },
      hint: {
        zh: '每計費單位之數量，例如工時；至多兩位小數。',
        en: 'Per unit charged, e.g. hours; up to two decimals.',
      },
      fix: {
        zh: '請填大於 0、至多 10,000 之數字，至多兩位小數。',
        en: 'Give a number above 0 and up to 10,000, with at most two decimals.',
      },
      required: true,
    },
    unitCostTwd: {
      name: lineField(i, j, 'unitCostTwd'),
      label: { zh: `${where.zh} 單位成本（元）`, en: `${where.en}: unit cost (NT$)` },
      fix: AMOUNT_FIX,
      required: true,
    },
    incrementalPerUnit: {
      name: lineField(i, j, 'incrementalPerUnit'),
      label: { zh: `${where.zh} 是否為邊際成本`, en: `${where.en}: marginal?` },
      hint: { zh: '預設依類別判斷。', en: 'By default, as its category says.' },
    },
    incrementalReason: {
      name: lineField(i, j, 'incrementalReason'),
      label: { zh: `${where.zh} 不依類別判斷之理由`, en: `${where.en}: why not as its category says` },
      fix: {
        zh: '與類別預設不同時，請說明理由（最多 500 字）。',
        en: 'When it differs from its category’s default, say why (at most 500 characters).',
      },
      maxlength: 500,
    },
  } satisfies Record<string, FieldSpec>;
}

/** Every field of the form as posted, for the error summary, in the order of the form. */
export function allFieldSpecs(rows: ProposalEditorView['rows']): FieldSpec[] {
  const top = PROPOSAL_FIELDS;
  return [
    top['title.zh'],
    top['title.en'],
    top.datasetIds,
    top['justification.publicInterest'],
    top['justification.privacyAndTradeSecrets'],
    top['justification.costOfProduction'],
    top['justification.rightsHeld'],
    top.legalBasis,
    top.explanationUrl,
    top.effectiveFrom,
    top.consultationDays,
    top.urgencyReason,
    { name: 'items', label: { zh: '收費項目', en: 'Fee items' } },
    ...rows.items.flatMap((item, i) => [
      ...Object.values(itemFieldSpecs(i)),
      ...Array.from({ length: item.lines }, (_, j) => Object.values(lineFieldSpecs(i, j))).flat(),
      {
        name: itemField(i, 'costLines'),
        label: { zh: `項目 ${i + 1} 成本明細`, en: `Item ${i + 1} cost lines` },
      },
    ]),
    ...PURPOSES.map((p) => reductionSpec(p)),
    ...Object.values(PAYEE_FIELDS),
    PAYMENT_WAYS_SPEC,
    ...Array.from({ length: rows.paymentWays }, (_, i) => Object.values(paymentWayFieldSpecs(i))).flat(),
  ];
}

function reductionSpec(purpose: Purpose): FieldSpec {
  const label = PURPOSE_LABELS[purpose];
  return {
    name: `reductions.${purpose}`,
    label: { zh: `${label.zh}減收（%）`, en: `${label.en}: reduction (%)` },
    fix: {
      zh: '請填 1 至 100 的整數，或留空（不減收）。',
      en: 'Give a whole number from 1 to 100, or leave it empty (no reduction).',
    },
  };
}

/** Refusals the editor explains in both languages, by code (the fields say the rest). */
const REFUSALS: Record<string, Label> = {
  VALIDATION_FAILED: {
    zh: '部分欄位尚未填妥，請依下列說明修正後再儲存。',
    en: 'Some fields need your attention; fix them as described below and save again.',
  },
  WRONG_STATE: {
    zh: '本提案目前的狀態不能再修改（僅草案或請機關修正者可修改）。',
    en: 'The proposal cannot be edited in its current state (only drafts and proposals with changes requested).',
  },
};

const button = (value: string, label: Label, secondary = false) =>
  html`<button type="submit" name="action" value="${value}" ${secondary ? html` class="secondary"` : ''}>
    ${label.zh} <span lang="en">${label.en}</span>
  </button>`;

function costsLine(costs: ItemCostsView | undefined): SafeHtml {
  if (!costs) {
    return html`<p class="muted" role="status">
      成本明細填妥後，儲存即計算文件化單位成本及邊際成本。
      <span lang="en"
        >Once the cost lines are complete, saving computes the documented and marginal unit cost.</span
      >
    </p>`;
  }
  return html`<div class="notice${costs.chargeAboveDocumented ? ' warn' : ''}" role="status">
    <p>
      文件化單位成本 <strong>${money(costs.documentedUnitCostTwd)}</strong> · 邊際單位成本
      <strong>${money(costs.marginalUnitCostTwd)}</strong>
      <span class="en" lang="en"
        >Documented unit cost ${money(costs.documentedUnitCostTwd)} · marginal unit cost
        ${money(costs.marginalUnitCostTwd)}</span
      >
    </p>
    ${
      costs.chargeAboveDocumented
        ? html`<p>
            <strong>收費高於文件化單位成本，不得送出。</strong>
            <span lang="en">The charge exceeds the documented unit cost: it cannot be submitted.</span>
          </p>`
        : ''
    }
    ${
      costs.exceptionReasonNeeded
        ? html`<p>
            收費高於邊際成本，須填寫例外理由。
            <span lang="en">The charge is above the marginal cost: an exception reason is needed.</span>
          </p>`
        : costs.amountTwd !== undefined
          ? html`<p>
              收費未高於邊際成本，無須例外理由。
              <span lang="en">The charge is within the marginal cost: no exception reason is needed.</span>
            </p>`
          : ''
    }
  </div>`;
}

function incrementalSelect(i: number, j: number, state: FormState): SafeHtml {
  const spec = lineFieldSpecs(i, j).incrementalPerUnit;
  return selectField(
    {
      ...spec,
      options: [
        { value: '', label: { zh: '依類別預設', en: 'As its category says' } },
        { value: 'true', label: { zh: '是，每單位增支', en: 'Yes, incremental per unit' } },
        { value: 'false', label: { zh: '否，非每單位增支', en: 'No, not per unit' } },
      ],
    },
    state,
  );
}

function costLineRow(i: number, j: number, lines: number, state: FormState): SafeHtml {
  const specs = lineFieldSpecs(i, j);
  return html`<fieldset class="line">
    <legend>成本 ${j + 1} <span lang="en">Cost line ${j + 1}</span></legend>
    ${selectField(
      {
        ...specs.category,
        options: [
          { value: '', label: { zh: '請選擇', en: 'Choose' } },
          ...CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c] })),
        ],
      },
      state,
    )}
    ${inputField(specs.description, state)} ${inputField(specs.quantity, state)}
    ${inputField(specs.unitCostTwd, state)} ${incrementalSelect(i, j, state)}
    ${inputField(specs.incrementalReason, state)}
    ${lines > 1 ? html`<div class="actions">${button(`remove-line-${i}-${j}`, { zh: `刪除成本 ${j + 1}`, en: `Remove cost line ${j + 1}` }, true)}</div>` : ''}
  </fieldset>`;
}

function itemRow(i: number, lines: number, items: number, view: ProposalEditorView): SafeHtml {
  const { state } = view;
  const specs = itemFieldSpecs(i);
  const lineProblem = state.problem?.fields[itemField(i, 'costLines')];
  return html`<fieldset class="item-row" id="${fieldId(itemField(i, 'row'))}">
    <legend>收費項目 ${i + 1} <span lang="en">Fee item ${i + 1}</span></legend>
    <input type="hidden" name="${itemField(i, 'id')}" value="${state.values[itemField(i, 'id')] ?? ''}" />
    ${inputField(specs['name.zh'], state)} ${inputField(specs['name.en'], state)}
    ${selectField(
      {
        ...specs.unit,
        options: [
          { value: '', label: { zh: '請選擇', en: 'Choose' } },
          ...UNITS.map((u) => ({ value: u, label: FEE_UNIT_LABELS[u] })),
        ],
      },
      state,
    )}
    ${inputField(specs.amountTwd, state)} ${costsLine(view.costs[i])}
    ${textareaField({ ...specs.exceptionReason, rows: 3 }, state)} ${inputField(specs.maxQuantity, state)}
    <h4>成本明細 <span class="en" lang="en">Cost lines</span></h4>
    ${lineProblem !== undefined ? html`<p class="field-error" id="${fieldId(itemField(i, 'costLines'))}">請至少填寫一筆成本。 <span lang="en">Give at least one cost line.</span></p>` : ''}
    ${Array.from({ length: lines }, (_, j) => costLineRow(i, j, lines, state))}
    <div class="actions">
      ${button(`add-line-${i}`, { zh: `新增項目 ${i + 1} 之成本`, en: `Add a cost line to item ${i + 1}` }, true)}
      ${items > 1 ? button(`remove-item-${i}`, { zh: `刪除收費項目 ${i + 1}`, en: `Remove fee item ${i + 1}` }, true) : ''}
    </div>
  </fieldset>`;
}

function paymentWayRow(i: number, state: FormState): SafeHtml {
  const specs = paymentWayFieldSpecs(i);
  return html`<fieldset class="payment-way">
    <legend>繳費方式 ${i + 1} <span lang="en">Way to pay ${i + 1}</span></legend>
    ${selectField(
      {
        ...specs.method,
        options: [
          { value: '', label: { zh: '請選擇', en: 'Choose' } },
          ...PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] })),
        ],
      },
      state,
    )}
    ${textareaField({ ...specs['details.zh'], rows: 2 }, state)}
    ${textareaField({ ...specs['details.en'], rows: 2 }, state)}
  </fieldset>`;
}

function paymentSection(view: ProposalEditorView): SafeHtml {
  const { state } = view;
  const waysProblem = state.problem?.fields[PAYMENT_WAYS_SPEC.name];
  return html`<h2 id="${fieldId('paymentInstructions')}">
      六、繳費方式 <span class="en" lang="en">How to pay</span>
    </h2>
    <p class="hint">
      選填；每份報價皆列出，申請人據以繳費。清空一列即刪除；儲存後可再新增一列，最多五種。
      <span lang="en"
        >Optional; every quote shows them to the applicant. Empty a row to remove it; each save offers one
        more row, up to five.</span
      >
    </p>
    ${inputField(PAYEE_FIELDS['paymentInstructions.payee.zh'], state)}
    ${inputField(PAYEE_FIELDS['paymentInstructions.payee.en'], state)}
    ${
      waysProblem !== undefined
        ? html`<p class="field-error" id="${fieldId(PAYMENT_WAYS_SPEC.name)}">
            ${both(PAYMENT_WAYS_SPEC.fix!)}
          </p>`
        : ''
    }
    ${Array.from({ length: view.rows.paymentWays }, (_, i) => paymentWayRow(i, state))}`;
}

function datasetChoices(view: ProposalEditorView): SafeHtml {
  const spec = PROPOSAL_FIELDS.datasetIds;
  const error = view.state.problem?.fields.datasetIds;
  const id = fieldId(spec.name);
  return html`<fieldset${error !== undefined ? html` class="invalid"` : ''} id="${id}">
    <legend>${both(spec.label)}</legend>
    <p class="hint">${both(spec.hint)}</p>
    ${error !== undefined ? html`<p class="field-error">${both(spec.fix)}${error ? html` <span lang="en">${error}</span>` : ''}</p>` : ''}
    ${
      view.datasets.length === 0
        ? html`<p class="notice warn">
            本機關尚無依申請提供之資料集，請先登錄資料集。
            <span lang="en">Your agency has no dataset provided on application yet: register one first.</span>
          </p>`
        : view.datasets.map((d) => {
            const name = `datasetIds.${d.id}`;
            return html`<div class="choice">
              <input
                type="checkbox"
                id="${fieldId(name)}"
                name="${name}"
                value="on"
                ${view.state.values[name] ? html` checked` : ''}
              />
              <label for="${fieldId(name)}">${both(d.title)} <span class="muted">(${d.id})</span></label>
            </div>`;
          })
    }
  </fieldset>`;
}

export function proposalEditorForm(view: ProposalEditorView): SafeHtml {
  const { state } = view;
  const f = PROPOSAL_FIELDS;
  const items = view.rows.items;
  return html`${savedNotice(view.notice === 'SAVED')}
    ${errorSummary(state.problem, NOT_SAVED, allFieldSpecs(view.rows), REFUSALS)}
    <form method="post" action="${view.action}" novalidate>
      ${view.csrf} ${defaultSubmit('save', { zh: '儲存草稿', en: 'Save draft' })}
      <h2>一、名稱與資料集 <span class="en" lang="en">Title and datasets</span></h2>
      ${inputField(f['title.zh'], state)} ${inputField(f['title.en'], state)} ${datasetChoices(view)}
      <h2>二、收費必要性 <span class="en" lang="en">Why a fee</span></h2>
      ${textareaField({ ...f['justification.publicInterest'], rows: 4 }, state)}
      ${textareaField({ ...f['justification.privacyAndTradeSecrets'], rows: 4 }, state)}
      ${textareaField({ ...f['justification.costOfProduction'], rows: 4 }, state)}
      ${textareaField({ ...f['justification.rightsHeld'], rows: 4 }, state)}
      <h2>
        三、依據、生效日與徵詢 <span class="en" lang="en">Legal basis, effective date, consultation</span>
      </h2>
      ${textareaField({ ...f.legalBasis, rows: 2 }, state)} ${inputField(f.explanationUrl, state)}
      ${inputField(f.effectiveFrom, state)} ${inputField(f.consultationDays, state)}
      ${textareaField({ ...f.urgencyReason, rows: 2 }, state)}
      <h2 id="${fieldId('items')}">
        四、收費項目與成本依據 <span class="en" lang="en">Fee items and cost basis</span>
      </h2>
      ${items.map((item, i) => itemRow(i, item.lines, items.length, view))}
      <div class="actions">${button('add-item', { zh: '新增收費項目', en: 'Add a fee item' }, true)}</div>
      <h2>五、差別費率 <span class="en" lang="en">Reductions by purpose</span></h2>
      <p class="hint">
        依用途宣告之減收比率；未宣告者不得減免。
        <span lang="en">Reductions declared by purpose; nothing undeclared may be waived later.</span>
      </p>
      ${PURPOSES.map((p) => inputField(reductionSpec(p), state))} ${paymentSection(view)}
      <div class="actions">
        ${button('save', { zh: '儲存草稿', en: 'Save draft' })}
        ${button('check', { zh: '儲存並檢查送出內容', en: 'Save and check before submitting' })}
      </div>
    </form>`;
}

/** The editor's own CSS beyond the public pages'. */
export const EDITOR_STYLES = `
${DEFAULT_SUBMIT_STYLE}
fieldset.item-row{border:2px solid #12355b}
fieldset.line,fieldset.payment-way{background:#f7f8fa}
button.secondary{background:#fff;color:#12355b;border:2px solid #12355b;padding:8px 18px}
h4{margin:16px 0 4px}
`;
