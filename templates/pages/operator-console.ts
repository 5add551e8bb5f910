/**
 * The operator console (/operator), in the workspace frame: the agency tree, the advisory groups
 * with their members, seats, convener and decision rule, the accounts that may act in the
 * workspace, and a form for each (register an agency, register a group, record an account); first,
 * the reviews that stopped, each with its cause and a link to its restart (operator-review.ts). A
 * refused form comes back with what was typed, an error summary at its top and each message next
 * to its field.
 */
import type { Account } from '#domain/account';
import type { AdvisoryGroup, DecisionRule } from '#domain/advisory-group';
import type { Agency } from '#domain/agency';
import type { OperatorConsoleView, AgencyNode } from '#usecases/operator-console-view';
import { html, type SafeHtml } from '../escape.ts';
import type { StoppedReview } from '#usecases/stopped-reviews';
import { PROPOSAL_STATUS_LABELS, SEAT_LABELS, type Label } from '../labels.ts';
import { memberFields, ruleFields } from './group-form-fields.ts';
import { reviewPath } from './operator-review.ts';
import { both, shortWhen } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import {
  errorSummary,
  fieldId,
  inputField,
  selectField,
  withLimits,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import type { FieldLimits } from '#domain/field-limits';
import { csrfField, workspacePage, type WorkspaceFrame } from './workspace.ts';

export type ConsoleForm = 'agency' | 'group' | 'account';

export interface OperatorConsolePage {
  frame: WorkspaceFrame;
  view: OperatorConsoleView;
  /** The form that was just refused, as posted; the others are empty. */
  refused?: { form: ConsoleForm; state: FormState };
  /** What was just recorded (after the 303 back here). */
  done?: ConsoleForm;
}

/** How many member rows the group form offers; empty rows are left out. */
export const MEMBER_ROWS = 9;

export const CONSOLE_ACTIONS: Record<ConsoleForm, string> = {
  agency: '/operator/agencies',
  group: '/operator/advisory-groups',
  account: '/operator/accounts',
};

/** The edit page of a group (advisory-group-edit-page.ts). */
export const groupEditPath = (id: string) => `/operator/advisory-groups/${encodeURIComponent(id)}`;

/** The edit page of an agency (agency-edit-page.ts). */
export const agencyEditPath = (id: string) => `/operator/agencies/${encodeURIComponent(id)}`;

const DONE: Record<ConsoleForm, Label> = {
  agency: { zh: '機關已登錄。', en: 'The agency is registered.' },
  group: { zh: '諮詢小組已登錄。', en: 'The advisory group is registered.' },
  account: {
    zh: '帳號已記錄；此人下次登入時生效。',
    en: 'The account is recorded; it applies from the person’s next sign-in.',
  },
};

const agencyName = (agency: Agency) =>
  html`${agency.name.zh} <span class="en" lang="en">${agency.name.en}</span>`;

function treeList(nodes: readonly AgencyNode[]): SafeHtml {
  return html`<ul class="tree">
    ${nodes.map(
      (node) =>
        html`<li>
          ${agencyName(node.agency)} <code>${node.agency.id}</code>
          <a href="${agencyEditPath(node.agency.id)}"
            >編輯 <span lang="en">Edit</span><span class="visually-hidden"> ${node.agency.id}</span></a
          >
          ${node.children.length ? treeList(node.children) : ''}
        </li>`,
    )}
  </ul>`;
}

const agencyOptions = (agencies: readonly Agency[], none: Label) => [
  { value: '', label: none },
  ...agencies.map((a) => ({ value: a.id, label: { zh: `${a.name.zh}（${a.id}）`, en: a.name.en } })),
];

const AGENCY_FIELDS = (agencies: readonly Agency[]) =>
  [
    {
      name: 'id',
      label: { zh: '機關代碼', en: 'Agency id' },
      hint: {
        zh: '例如機關代碼 301000000A，或 moi-nlsc',
        en: 'e.g. the official code 301000000A, or moi-nlsc',
      },
      required: true,
    },
    { name: 'name.zh', label: { zh: '中文名稱', en: 'Name in Chinese' }, required: true },
    { name: 'name.en', label: { zh: '英文名稱', en: 'Name in English' }, required: true },
    {
      name: 'parentId',
      label: { zh: '上級機關', en: 'Parent agency' },
      hint: { zh: '中央二級機關不填', en: 'None for a central second-level agency' },
      options: agencyOptions(agencies, { zh: '（無）', en: '(none)' }),
    },
    { name: 'contactEmail', label: { zh: '聯絡信箱', en: 'Contact e-mail' }, type: 'email' as const },
  ] satisfies (FieldSpec & { options?: unknown })[];

const ROLE_OPTIONS = [
  { value: 'agency', label: { zh: '機關承辦人', en: 'Agency staff' } },
  { value: 'operator', label: { zh: '維運人員', en: 'Operator' } },
  { value: '', label: { zh: '停用（不得使用工作區）', en: 'Disabled (no access)' } },
];

const ACCOUNT_FIELDS = (agencies: readonly Agency[]) =>
  [
    {
      name: 'sub',
      label: { zh: '登入識別碼', en: 'Sign-in subject' },
      hint: {
        zh: '身分提供者的 sub（Cognito 使用者 ID）',
        en: 'The identity provider’s sub (the Cognito user id)',
      },
      required: true,
    },
    { name: 'name', label: { zh: '姓名', en: 'Name' }, required: true },
    { name: 'email', label: { zh: '電子郵件', en: 'E-mail' }, required: true, type: 'email' as const },
    { name: 'role', label: { zh: '角色', en: 'Role' }, options: ROLE_OPTIONS },
    {
      name: 'agencyId',
      label: { zh: '代表機關', en: 'Acts for agency' },
      hint: { zh: '機關承辦人必填；維運人員不填', en: 'Required for agency staff; none for an operator' },
      options: agencyOptions(agencies, { zh: '（無）', en: '(none)' }),
    },
  ] satisfies (FieldSpec & { options?: unknown })[];

const GROUP_FIELDS = (agencies: readonly Agency[]) =>
  [
    { name: 'id', label: { zh: '小組代碼', en: 'Group id' }, required: true },
    {
      name: 'agencyId',
      label: { zh: '所屬中央二級機關', en: 'Second-level agency it advises' },
      required: true,
      options: agencyOptions(
        agencies.filter((a) => !a.parentId),
        { zh: '（請選擇）', en: '(choose)' },
      ),
    },
    { name: 'name.zh', label: { zh: '中文名稱', en: 'Name in Chinese' }, required: true },
    { name: 'name.en', label: { zh: '英文名稱', en: 'Name in English' }, required: true },
  ] satisfies (FieldSpec & { options?: unknown })[];

/** Every field of the group form, for the error summary. */
export const groupFormFields = (agencies: readonly Agency[], ruleDefaults: DecisionRule): FieldSpec[] => [
  ...GROUP_FIELDS(agencies),
  ...Array.from({ length: MEMBER_ROWS }, (_, row) => memberFields(row)).flat(),
  ...ruleFields(ruleDefaults),
];

/** The page holds three forms whose fields partly share names (id, name.zh, agencyId): ids carry the form's. */
const inForm = <S extends FieldSpec>(form: ConsoleForm, spec: S): S => ({
  ...spec,
  id: fieldId(`${form}.${spec.name}`),
});

/** A field of one of the forms, with the limits of the schema its route parses the form with. */
function field(
  form: ConsoleForm,
  given: FieldSpec & { options?: { value: string; label: Label }[] },
  state: FormState,
  limits: FieldLimits,
): SafeHtml {
  const spec = inForm(form, withLimits(given, limits));
  return spec.options ? selectField({ ...spec, options: spec.options }, state) : inputField(spec, state);
}

function consoleForm(
  form: ConsoleForm,
  page: OperatorConsolePage,
  title: Label,
  fields: (FieldSpec & { options?: { value: string; label: Label }[] })[],
  body: (state: FormState) => SafeHtml,
  submit: Label,
): SafeHtml {
  const state: FormState = page.refused?.form === form ? page.refused.state : { values: {} };
  return html`<form method="post" action="${CONSOLE_ACTIONS[form]}" class="console-form" novalidate>
    ${csrfField(page.frame.csrfToken)}
    <h3>${both(title)}</h3>
    ${errorSummary(
      state.problem,
      { zh: '請修正以下欄位', en: 'Please correct these fields' },
      fields.map((f) => inForm(form, f)),
    )}
    ${body(state)}
    <button type="submit">${submit.zh} <span lang="en">${submit.en}</span></button>
  </form>`;
}

function groupSection(group: AdvisoryGroup, agencies: readonly Agency[]): SafeHtml {
  const agency = agencies.find((a) => a.id === group.agencyId);
  const rule = group.decisionRule;
  return html`<section class="group">
    <h3>${group.name.zh} <span class="en" lang="en">${group.name.en}</span> <code>${group.id}</code></h3>
    <p>
      <a href="${groupEditPath(group.id)}">編輯小組 <span lang="en">Edit the group</span></a>
    </p>
    <dl class="facts">
      <dt>${both({ zh: '所屬機關', en: 'Agency' })}</dt>
      <dd>${agency ? agencyName(agency) : group.agencyId}</dd>
      <dt>${both({ zh: '議決方式', en: 'Decision rule' })}</dt>
      <dd>
        過半數決；出席比例 ${rule.quorumFraction}；投票 ${rule.votePeriodDays} 日，截止前
        ${rule.reminderLeadDays} 日提醒；未達出席比例延長 ${rule.maxExtensions} 次、每次 ${rule.extensionDays}
        日；資料至少提前 ${rule.packetLeadDays} 日送達
        <span class="en" lang="en"
          >Simple majority; quorum ${rule.quorumFraction}; ${rule.votePeriodDays}-day vote, reminder
          ${rule.reminderLeadDays} days before; up to ${rule.maxExtensions} extension(s) of
          ${rule.extensionDays} days; packet ${rule.packetLeadDays} days ahead</span
        >
      </dd>
    </dl>
    <div class="scroll">
      <table>
        <caption>
          ${both({ zh: '委員', en: 'Members' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${both({ zh: '姓名', en: 'Name' })}</th>
            <th scope="col">${both({ zh: '席次', en: 'Seat' })}</th>
            <th scope="col">${both({ zh: '電子郵件', en: 'E-mail' })}</th>
          </tr>
        </thead>
        <tbody>
          ${group.members.map(
            (m) =>
              html`<tr>
                <td>
                  ${m.name}${m.seat === 'CONVENER' ? html` <strong>（召集人 <span lang="en">convener</span>）</strong>` : ''}
                </td>
                <td>${both(SEAT_LABELS[m.seat])}</td>
                <td>${m.email}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function stoppedReviewList(reviews: readonly StoppedReview[]): SafeHtml {
  if (reviews.length === 0)
    return html`<p>目前沒有中止的審議流程。 <span class="en" lang="en">No review has stopped.</span></p>`;
  return html`<ul class="stopped">
    ${reviews.map(
      (r) =>
        html`<li>
          <strong>${both(r.title)}</strong> <code>${r.proposalId}</code>
          <br />${both(PROPOSAL_STATUS_LABELS[r.status as keyof typeof PROPOSAL_STATUS_LABELS])} ·
          ${shortWhen(r.stoppedAt)} · <code>${r.error}</code>
          ${r.cause ? html`<p class="cause">${r.cause}</p>` : ''}
          <a href="${reviewPath(r.proposalId)}">重新啟動… <span lang="en">Restart…</span></a>
        </li>`,
    )}
  </ul>`;
}

function accountsTable(accounts: readonly Account[], agencies: readonly Agency[]): SafeHtml {
  if (accounts.length === 0)
    return html`<p>尚無帳號紀錄；登入者依身分提供者的群組與機關屬性使用工作區。</p>
      <p class="en" lang="en">
        No accounts recorded: people act by their identity provider’s groups and agency attribute.
      </p>`;
  const role = (a: Account) => ROLE_OPTIONS.find((o) => o.value === (a.roles[0] ?? ''))!.label;
  return html`<div class="scroll">
    <table>
      <thead>
        <tr>
          <th scope="col">${both({ zh: '姓名', en: 'Name' })}</th>
          <th scope="col">${both({ zh: '角色', en: 'Role' })}</th>
          <th scope="col">${both({ zh: '代表機關', en: 'Acts for' })}</th>
          <th scope="col">${both({ zh: '登入識別碼', en: 'Subject' })}</th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map((a) => {
          const agency = agencies.find((g) => g.id === a.agencyId);
          return html`<tr>
            <td>${a.name}<br /><span class="en">${a.email}</span></td>
            <td>${both(role(a))}</td>
            <td>${agency ? agencyName(agency) : (a.agencyId ?? '—')}</td>
            <td><code>${a.sub}</code></td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

const styles = `${PUBLIC_STYLES}
.tree{margin:4px 0 16px;padding-left:1.2em}
.stopped{padding-left:1.2em}
.stopped li{margin:8px 0}
.stopped .cause{margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.tree .tree{margin:2px 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.console-form{border-top:1px solid #d0d5dd;margin-top:20px;padding-top:4px}
.member{border:1px solid #d0d5dd;border-radius:4px;padding:4px 12px 10px;margin:10px 0}
.member legend{font-weight:600}
@media (min-width:700px){.member{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}}
`;

export function operatorConsolePage(page: OperatorConsolePage): string {
  const { view } = page;
  const agencyFields = AGENCY_FIELDS(view.agencies);
  const accountFields = ACCOUNT_FIELDS(view.agencies);
  const groupFields = GROUP_FIELDS(view.agencies);
  const body = html`${
      page.done
        ? html`<div class="notice ok" role="status">
            <p>${DONE[page.done].zh}</p>
            <p class="en" lang="en">${DONE[page.done].en}</p>
          </div>`
        : ''
    }
    <h2 id="reviews">${both({ zh: '中止的審議流程', en: 'Stopped reviews' })}</h2>
    ${stoppedReviewList(view.stoppedReviews)}
    <h2 id="agencies">${both({ zh: '機關', en: 'Agencies' })}</h2>
    ${treeList(view.tree)}
    ${consoleForm(
      'agency',
      page,
      { zh: '登錄機關', en: 'Register an agency' },
      agencyFields,
      (state) => html`${agencyFields.map((f) => field('agency', f, state, view.formLimits.agency))}`,
      { zh: '登錄機關', en: 'Register the agency' },
    )}
    <h2 id="groups">${both({ zh: '諮詢小組', en: 'Advisory groups' })}</h2>
    ${view.groups.length ? view.groups.map((g) => groupSection(g, view.agencies)) : html`<p>尚無諮詢小組。 <span class="en" lang="en">No advisory group yet.</span></p>`}
    ${consoleForm(
      'group',
      page,
      { zh: '登錄諮詢小組', en: 'Register an advisory group' },
      groupFormFields(view.agencies, view.decisionRuleDefaults),
      (state) =>
        html`${groupFields.map((f) => field('group', f, state, view.formLimits.group))}
          <p>委員（未填的列不計）<span class="en" lang="en">Members (empty rows are left out)</span></p>
          ${Array.from(
            { length: MEMBER_ROWS },
            (_, row) =>
              html`<fieldset class="member">
                <legend>委員 ${row + 1} <span lang="en">Member ${row + 1}</span></legend>
                ${memberFields(row).map((f) => field('group', f, state, view.formLimits.group))}
              </fieldset>`,
          )}
          <h4>${both({ zh: '議決設定', en: 'Decision rule' })}</h4>
          ${ruleFields(view.decisionRuleDefaults).map((f) => field('group', f, state, view.formLimits.group))}`,
      { zh: '登錄諮詢小組', en: 'Register the group' },
    )}
    <h2 id="accounts">${both({ zh: '帳號', en: 'Accounts' })}</h2>
    ${accountsTable(view.accounts, view.agencies)}
    ${consoleForm(
      'account',
      page,
      { zh: '記錄帳號', en: 'Record an account' },
      accountFields,
      (state) => html`${accountFields.map((f) => field('account', f, state, view.formLimits.account))}`,
      { zh: '記錄帳號', en: 'Record the account' },
    )}`;
  return workspacePage(page.frame, { zh: '維運管理', en: 'Operator console' }, body, {
    current: '/operator',
    styles,
  });
}
