/**
 * An advisory group's edit page in the operator console (/operator/advisory-groups/{id}): its
 * names, its members (name, e-mail, seat; a row added or removed with a submit button, no script),
 * and its decision rule, with what an edit changes for votes already open. A refused save comes
 * back as typed, with an error summary on top and each message by its field in both languages.
 */
import type { DecisionRule } from '#domain/advisory-group';
import { html, type SafeHtml } from '../escape.ts';
import type { Label } from '../labels.ts';
import {
  DEFAULT_SUBMIT_STYLE,
  defaultSubmit,
  errorSummary,
  fieldId,
  withLimits,
  inputField,
  selectField,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import type { FieldLimits } from '#domain/field-limits';
import { backToConsole, changedElsewherePage, NOT_SAVED, savedNotice } from './edit-form-parts.ts';
import { memberFields, ruleFields } from './group-form-fields.ts';
import { both } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { csrfField, workspacePage, type WorkspaceFrame } from './workspace.ts';

export interface GroupEditPage {
  frame: WorkspaceFrame;
  group: { id: string; agencyId: string; name: Label };
  /** The agency the group advises, as the console names it (its id when it is not registered). */
  agencyName: Label | undefined;
  action: string;
  /** How many member rows to show, and at most. */
  rows: number;
  maxRows: number;
  state: FormState;
  /** Each field's `maxlength` and `required`, from the schema the save is parsed with (fieldLimitsOf). */
  limits: FieldLimits;
  ruleDefaults: DecisionRule;
  saved?: boolean;
}

const NAME_FIELDS: FieldSpec[] = [
  { name: 'name.zh', label: { zh: '中文名稱', en: 'Name in Chinese' }, required: true },
  { name: 'name.en', label: { zh: '英文名稱', en: 'Name in English' }, required: true },
];

/** Refusals the page explains in both languages, by code (the fields say the rest). */
const REFUSALS: Record<string, Label> = {
  VALIDATION_FAILED: {
    zh: '部分欄位尚未填妥，請依下列說明修正後再儲存。',
    en: 'Some fields need your attention; fix them as described below and save again.',
  },
  ONE_CONVENER: {
    zh: '小組須有一位、且只有一位召集人。',
    en: 'The group needs one convener, and one only.',
  },
  MEMBER_HOLDS_OPEN_BALLOT: {
    zh: '投票進行中：持有選票的委員在投票結束前須保留，代碼與姓名不變。',
    en: 'A vote is open: the members holding its ballots stay, with the same id and name, until it closes.',
  },
};

/** The member list as a whole, where a refusal names a member who is no longer in it. */
const MEMBERS_SPEC: FieldSpec = { name: 'members', label: { zh: '委員', en: 'Members' } };

const button = (value: string, label: Label, className = '') =>
  html`<button type="submit" name="action" value="${value}" ${className ? html` class="${className}"` : ''}>
    ${label.zh} <span lang="en">${label.en}</span>
  </button>`;

const field = (
  given: FieldSpec & { options?: { value: string; label: Label }[] },
  state: FormState,
  limits: FieldLimits,
) => {
  const spec = withLimits(given, limits);
  return spec.options ? selectField({ ...spec, options: spec.options }, state) : inputField(spec, state);
};

const WHAT_CHANGES = html`<div class="notice" role="note">
  <p>
    修改後：已開始的投票仍以開始時的委員名單與議決設定進行；該投票的提醒、延長與結果通知，依寄送當時本小組所列的電子郵件寄出，故新信箱即適用。投票進行中，持有選票的委員不能移除，代碼與姓名也不能更改。新的委員名單與議決設定，適用於之後開始的投票。
  </p>
  <p class="en" lang="en">
    What an edit changes: a vote already open keeps the members and the decision rule it was opened with; its
    reminders, extensions and outcome go to the addresses this group holds when they are sent, so a new
    address applies at once. While a vote is open, a member holding its ballot cannot be removed, nor their id
    or name changed. New members and a new rule apply to votes opened from now on.
  </p>
</div>`;

/** Every field of the form, for the error summary. */
const allFields = (page: GroupEditPage): FieldSpec[] => [
  ...NAME_FIELDS,
  MEMBERS_SPEC,
  ...Array.from({ length: page.rows }, (_, row) => memberFields(row)).flat(),
  ...ruleFields(page.ruleDefaults),
];

function memberRow(row: number, page: GroupEditPage): SafeHtml {
  return html`<fieldset class="member">
    <legend>委員 ${row + 1} <span lang="en">Member ${row + 1}</span></legend>
    ${memberFields(row).map((f) => field(f, page.state, page.limits))}
    ${
      page.rows > 1
        ? html`<div class="actions">
            ${button(`remove-member-${row}`, { zh: `移除委員 ${row + 1}`, en: `Remove member ${row + 1}` }, 'secondary')}
          </div>`
        : ''
    }
  </fieldset>`;
}

const styles = `${PUBLIC_STYLES}
.member{border:1px solid #d0d5dd;border-radius:4px;padding:4px 12px 10px;margin:10px 0}
.member legend{font-weight:600}
.member .actions{grid-column:1/-1}
@media (min-width:700px){.member{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}}
button.secondary{background:#fff;color:#12355b;border:2px solid #12355b;padding:8px 18px}
${DEFAULT_SUBMIT_STYLE}
`;

export function groupEditPage(page: GroupEditPage): string {
  const { group, state } = page;
  const body = html`${savedNotice(page.saved)} ${backToConsole('groups')}
    <dl class="facts">
      <dt>${both({ zh: '小組代碼', en: 'Group id' })}</dt>
      <dd><code>${group.id}</code></dd>
      <dt>${both({ zh: '所屬機關', en: 'Agency' })}</dt>
      <dd>
        ${page.agencyName ? html`${page.agencyName.zh} <span class="en" lang="en">${page.agencyName.en}</span>` : ''}
        <code>${group.agencyId}</code>
      </dd>
    </dl>
    ${WHAT_CHANGES} ${errorSummary(state.problem, NOT_SAVED, allFields(page), REFUSALS)}
    <form method="post" action="${page.action}" novalidate>
      ${csrfField(page.frame.csrfToken)}
      <input type="hidden" name="revision" value="${state.values.revision ?? ''}" />
      ${defaultSubmit('save', { zh: '儲存', en: 'Save' })}
      <h2>${both({ zh: '名稱', en: 'Names' })}</h2>
      ${NAME_FIELDS.map((f) => field(f, state, page.limits))}
      <h2 id="${fieldId(MEMBERS_SPEC.name)}" tabindex="-1">${both({ zh: '委員', en: 'Members' })}</h2>
      ${
        state.problem?.fields.members !== undefined
          ? html`<p class="field-error" id="${fieldId(MEMBERS_SPEC.name)}-error">
              ${state.problem.messages?.members ? html`${state.problem.messages.members.zh} <span lang="en">${state.problem.messages.members.en}</span>` : html`<span lang="en">${state.problem.fields.members}</span>`}
            </p>`
          : ''
      }
      <p class="hint">
        須有一位召集人。未填的列不計。
        <span lang="en">One member is the convener. Empty rows are left out.</span>
      </p>
      ${Array.from({ length: page.rows }, (_, row) => memberRow(row, page))}
      ${
        page.rows < page.maxRows
          ? html`<div class="actions">
              ${button('add-member', { zh: '新增委員', en: 'Add a member' }, 'secondary')}
            </div>`
          : ''
      }
      <h2>${both({ zh: '議決設定', en: 'Decision rule' })}</h2>
      ${ruleFields(page.ruleDefaults).map((f) => field(f, state, page.limits))}
      <div class="actions">${button('save', { zh: '儲存', en: 'Save' })}</div>
    </form>`;
  return workspacePage(
    page.frame,
    { zh: `編輯諮詢小組：${group.name.zh}`, en: `Edit advisory group: ${group.name.en}` },
    body,
    { current: '/operator', styles },
  );
}

/** 409: another edit was saved since this form was read; nothing was saved from this one. */
export function groupChangedPage(frame: WorkspaceFrame, path: string): string {
  return changedElsewherePage(frame, path, { zh: '小組', en: 'group' });
}
