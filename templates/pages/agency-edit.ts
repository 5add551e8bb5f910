/**
 * An agency's edit page in the operator console (/operator/agencies/{id}): its names and its
 * contact e-mail; its id and its place in the tree are shown, not edited. A refused save comes back
 * as typed, with an error summary on top and each message by its field in both languages.
 */
import type { Label } from '../labels.ts';
import { html } from '../escape.ts';
import { errorSummary, inputField, withLimits, type FieldSpec, type FormState } from './form-fields.ts';
import type { FieldLimits } from '#domain/field-limits';
import { backToConsole, changedElsewherePage, NOT_SAVED, savedNotice } from './edit-form-parts.ts';
import { both } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { csrfField, workspacePage, type WorkspaceFrame } from './workspace.ts';

export interface AgencyEditPage {
  frame: WorkspaceFrame;
  agency: { id: string; name: Label; parentId?: string };
  /** The parent agency's name, where it has one that is registered. */
  parentName: Label | undefined;
  action: string;
  state: FormState;
  /** Each field's `maxlength` and `required`, from the schema the save is parsed with (fieldLimitsOf). */
  limits: FieldLimits;
  saved?: boolean;
}

const FIELDS: FieldSpec[] = [
  { name: 'name.zh', label: { zh: '中文名稱', en: 'Name in Chinese' }, required: true },
  { name: 'name.en', label: { zh: '英文名稱', en: 'Name in English' }, required: true },
  {
    name: 'contactEmail',
    label: { zh: '聯絡信箱', en: 'Contact e-mail' },
    hint: {
      zh: '本服務寄給機關的通知（徵詢、待回覆意見、審議結果）寄到此信箱；留空則不寄送。',
      en: 'Where the service mails the agency (consultations, comments to answer, outcomes); empty: no mail.',
    },
    type: 'email',
  },
];

/** Refusals the page explains in both languages, by code (the fields say the rest). */
const REFUSALS: Record<string, Label> = {
  VALIDATION_FAILED: {
    zh: '部分欄位尚未填妥，請依下列說明修正後再儲存。',
    en: 'Some fields need your attention; fix them as described below and save again.',
  },
};

export function agencyEditPage(page: AgencyEditPage): string {
  const { agency, state } = page;
  const body = html`${savedNotice(page.saved)} ${backToConsole('agencies')}
    <dl class="facts">
      <dt>${both({ zh: '機關代碼', en: 'Agency id' })}</dt>
      <dd><code>${agency.id}</code></dd>
      <dt>${both({ zh: '上級機關', en: 'Parent agency' })}</dt>
      <dd>
        ${
          agency.parentId
            ? html`${page.parentName ? html`${page.parentName.zh} <span class="en" lang="en">${page.parentName.en}</span>` : ''}
                <code>${agency.parentId}</code>`
            : html`無（中央二級機關） <span class="en" lang="en">None (a central second-level agency)</span>`
        }
      </dd>
    </dl>
    <p class="hint">
      機關代碼與上級機關不能變更：提案、資料集與帳號以代碼指向本機關，上級機關決定由哪個諮詢小組審議。
      <span lang="en"
        >The id and the parent stay: proposals, datasets and accounts name the agency by its id, and the
        parent decides which advisory group reviews its proposals.</span
      >
    </p>
    ${errorSummary(state.problem, NOT_SAVED, FIELDS, REFUSALS)}
    <form method="post" action="${page.action}" novalidate>
      ${csrfField(page.frame.csrfToken)}
      <input type="hidden" name="revision" value="${state.values.revision ?? ''}" />
      ${FIELDS.map((f) => inputField(withLimits(f, page.limits), state))}
      <div class="actions">
        <button type="submit">儲存 <span lang="en">Save</span></button>
      </div>
    </form>`;
  return workspacePage(
    page.frame,
    { zh: `編輯機關：${agency.name.zh}`, en: `Edit agency: ${agency.name.en}` },
    body,
    { current: '/operator', styles: PUBLIC_STYLES },
  );
}

/** 409: another edit was saved since this form was read; nothing was saved from this one. */
export function agencyChangedPage(frame: WorkspaceFrame, path: string): string {
  return changedElsewherePage(frame, path, { zh: '機關', en: 'agency' });
}
