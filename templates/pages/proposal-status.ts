/**
 * A proposal in the agency workspace: where it stands and what the agency can do next (edit,
 * preview, check and submit, answer comments, withdraw), and the check-your-answers page that
 * lists what will be published, each part with a link to change it, before the one button that
 * submits. Both present what the service computed (fee rules, statuses); nothing is recomputed here.
 */
import type { Justification, PaymentInstructions, ProposalStatus } from '#domain/fee-proposal';
import type { FeeLawStepKind, FeeLawStepLabels } from '#domain/fee-law-steps';
import type { WithdrawalLabels } from '#domain/proposal-status';
import type { AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { type ReviewedFeeItem, type ReviewedProposal } from '../reviewed-proposal.ts';
import { costBasis, feeTable, reductions } from './fee-schedule.ts';
import {
  errorSummary,
  fieldId,
  inputField,
  textareaField,
  type FieldSpec,
  type FormProblem,
  type FormState,
} from './form-fields.ts';
import { both, fact, onDay, when } from './parts.ts';
import { paymentInstructionsBlock } from './payment-instructions.ts';
import {
  FEE_LAW_STEP_LABELS,
  FEE_LAW_STEP_REFERENCE_LABELS,
  PURPOSE_LABELS,
  type Label,
  PROPOSAL_STATUS_LABELS,
} from '../labels.ts';

export interface WorkspaceProposal {
  id: string;
  title: AgencyText;
  status: ProposalStatus;
  version: number;
  updatedAt: string;
  legalBasis: string;
  explanationUrl?: string;
  effectiveFrom: string;
  justification: Justification;
  datasets: { id: string; title: Label }[];
  items: ReviewedFeeItem[];
  reductions: ReviewedProposal['reductions'];
  /** How licensees will pay under the schedule, as every quote will say it. */
  paymentInstructions?: PaymentInstructions;
  /** The consultation length that will apply, in days, and the urgency reason for a shorter one. */
  consultationDays: number;
  urgencyReason?: string;
  consultation?: { round: number; opensAt: string; closesAt: string };
}

export interface ProposalStatusView {
  proposal: WorkspaceProposal;
  csrf: SafeHtml;
  links: {
    edit?: string;
    preview: string;
    check?: string;
    desk?: string;
    publicPage?: string;
    /** The withdrawal's confirmation page, while the status allows a withdrawal. */
    withdraw?: string;
  };
  /** The members' reasons when the group asked for changes. */
  changesRequested?: { member: string; reason: string }[];
  /** A withdrawn proposal's withdrawal: when, and the reason the agency gave (on the public trail). */
  withdrawal?: { at: string; reason: string };
  /** After a favourable vote: the steps of 規費法 §10, as recorded, and the form of the next one. */
  feeLawSteps?: FeeLawStepsView;
  notice?: 'SUBMITTED' | 'WITHDRAWN' | 'STEP_RECORDED';
  problem?: FormProblem;
}

export interface FeeLawStepsView {
  steps: { step: FeeLawStepKind; recorded?: { date: string; reference: string; url?: string } }[];
  /** The next step to record and its form, while one remains. */
  next?: { step: FeeLawStepKind; action: string; form: FormState; effectiveFrom: string };
  /** The step form's field labels: the schema's own (field-errors.ts). */
  labels: FeeLawStepLabels;
}

const NOTICES: Record<NonNullable<ProposalStatusView['notice']>, Label> = {
  SUBMITTED: { zh: '已送出。', en: 'Submitted.' },
  WITHDRAWN: { zh: '已撤回本提案。', en: 'The proposal is withdrawn.' },
  STEP_RECORDED: { zh: '已記錄。', en: 'Recorded.' },
};

export function proposalStatusBody(view: ProposalStatusView): SafeHtml {
  const { proposal, links } = view;
  const notice = view.notice ? NOTICES[view.notice] : undefined;
  return html`${
      notice
        ? html`<div class="notice ok" role="status">
            <p><strong>${notice.zh}</strong> <strong lang="en">${notice.en}</strong></p>
          </div>`
        : ''
    }
    ${errorSummary(view.problem, { zh: '無法完成', en: 'Not done' }, [])}
    <dl class="facts">
      ${fact({ zh: '狀態', en: 'Status' }, both(PROPOSAL_STATUS_LABELS[proposal.status]))}
      ${fact({ zh: '版本', en: 'Version' }, html`第 ${proposal.version} 版 <span lang="en">version ${proposal.version}</span> · ${when(proposal.updatedAt)}`)}
      ${proposal.consultation ? fact({ zh: '公開徵詢', en: 'Consultation' }, html`${when(proposal.consultation.opensAt)} ～ ${when(proposal.consultation.closesAt)}`) : ''}
    </dl>
    ${
      view.withdrawal
        ? html`<h2>撤回理由 <span class="en" lang="en">Why it was withdrawn</span></h2>
            <p>${when(view.withdrawal.at)}</p>
            <p class="prewrap">${view.withdrawal.reason}</p>`
        : ''
    }
    ${
      view.changesRequested
        ? html`<h2>
              諮詢小組請機關修正之理由 <span class="en" lang="en">Why the group asked for changes</span>
            </h2>
            <ul>
              ${view.changesRequested.map((r) => html`<li><strong>${r.member}</strong>：<span class="prewrap">${r.reason}</span></li>`)}
            </ul>`
        : ''
    }
    ${view.feeLawSteps ? feeLawStepsSection(view.feeLawSteps, view.csrf) : ''}
    <h2>下一步 <span class="en" lang="en">What you can do</span></h2>
    <ul class="links">
      ${
        links.edit
          ? html`<li>
              <a href="${links.edit}">修改提案 <span lang="en">Edit the proposal</span></a>
            </li>`
          : ''
      }
      <li>
        <a href="${links.preview}">預覽公開頁面 <span lang="en">Preview the public page</span></a>
      </li>
      ${
        links.check
          ? html`<li>
              <a href="${links.check}">檢查並送出 <span lang="en">Check and submit</span></a>
            </li>`
          : ''
      }
      ${
        links.desk
          ? html`<li>
              <a href="${links.desk}">回覆公開意見 <span lang="en">Answer the comments</span></a>
            </li>`
          : ''
      }
      ${
        links.publicPage
          ? html`<li>
              <a href="${links.publicPage}">公開頁面 <span lang="en">The public page</span></a>
            </li>`
          : ''
      }
    </ul>
    ${
      links.withdraw
        ? html`<h2>撤回提案 <span class="en" lang="en">Withdraw the proposal</span></h2>
            <p>
              撤回後本提案即結束，不能再修改或送出；公開中者將標示為已撤回。
              <span class="en" lang="en"
                >A withdrawn proposal ends: it can no longer be edited or submitted; a published one shows as
                withdrawn.</span
              >
            </p>
            <p>
              <a href="${links.withdraw}">撤回提案… <span lang="en">Withdraw the proposal…</span></a>
            </p>`
        : ''
    }`;
}

/** The steps of 規費法 §10 in the law's order, each as recorded or still to come, and the next one's form. */
function feeLawStepsSection(view: FeeLawStepsView, csrf: SafeHtml): SafeHtml {
  const next = view.next;
  const fields: FieldSpec[] = next
    ? [
        {
          name: 'date',
          label: view.labels.date,
          type: 'date',
          required: true,
          hint: { zh: '格式 YYYY-MM-DD。', en: 'YYYY-MM-DD.' },
        },
        {
          name: 'reference',
          label: FEE_LAW_STEP_REFERENCE_LABELS[next.step],
          required: true,
          maxlength: 200,
        },
        ...(next.step === 'ANNOUNCEMENT'
          ? [
              {
                name: 'url',
                label: view.labels.url,
                required: true,
                hint: { zh: 'https:// 網址。', en: 'An https:// address.' },
              },
              {
                name: 'effectiveFrom',
                label: view.labels.effectiveFrom,
                type: 'date' as const,
                hint: {
                  zh: `不填則依原定生效日（${next.effectiveFrom}）；不得早於公告日。`,
                  en: `Empty keeps the effective date proposed (${next.effectiveFrom}); not before the announcement.`,
                },
              },
            ]
          : []),
      ]
    : [];
  return html`<h2>
      規費法第十條程序 <span class="en" lang="en">The steps of the Fees Act, article 10</span>
    </h2>
    <ol class="steps">
      ${view.steps.map(
        (s) =>
          html`<li>
            <strong>${both(FEE_LAW_STEP_LABELS[s.step])}</strong>：${
              s.recorded
                ? html`${s.recorded.date} ·
                  ${s.recorded.reference}${
                    s.recorded.url ? html` · <a href="${s.recorded.url}">${s.recorded.url}</a>` : ''
                  }`
                : html`尚未記錄 <span lang="en">not recorded yet</span>`
            }
          </li>`,
      )}
    </ol>
    ${
      next
        ? html`${errorSummary(next.form.problem, { zh: '尚未記錄', en: 'Not recorded yet' }, fields)}
            <form method="post" action="${next.action}" novalidate>
              <h3>
                記錄：${FEE_LAW_STEP_LABELS[next.step].zh}
                <span lang="en">Record: ${FEE_LAW_STEP_LABELS[next.step].en}</span>
              </h3>
              ${csrf}<input type="hidden" name="step" value="${next.step}" />
              ${fields.map((f) => inputField(f, next.form))}
              <button type="submit">記錄 <span lang="en">Record the step</span></button>
            </form>`
        : ''
    }`;
}

export interface WithdrawPageView {
  proposal: Pick<WorkspaceProposal, 'title' | 'status' | 'version'>;
  csrf: SafeHtml;
  action: string;
  cancel: string;
  form: FormState;
  /** The withdrawal's field labels: the schema's own (field-errors.ts). */
  labels: WithdrawalLabels;
}

/** The withdrawal's confirmation page: what withdrawing ends, the reason (on the public trail), the button. */
export function withdrawPageBody(view: WithdrawPageView): SafeHtml {
  const reason: FieldSpec = {
    name: 'reason',
    label: view.labels.reason,
    required: true,
    maxlength: 1000,
    hint: {
      zh: '將公開於本提案之歷程紀錄。',
      en: 'Shown on the proposal’s public trail.',
    },
  };
  return html`${errorSummary(view.form.problem, { zh: '尚未撤回', en: 'Not withdrawn yet' }, [reason])}
    <dl class="facts">
      ${fact({ zh: '提案', en: 'Proposal' }, both(view.proposal.title))}
      ${fact({ zh: '狀態', en: 'Status' }, both(PROPOSAL_STATUS_LABELS[view.proposal.status]))}
      ${fact({ zh: '版本', en: 'Version' }, html`第 ${view.proposal.version} 版 <span lang="en">version ${view.proposal.version}</span>`)}
    </dl>
    <h2>撤回後 <span class="en" lang="en">What withdrawing does</span></h2>
    <ul>
      <li>
        本提案之審議即結束：公開徵詢或表決若尚在進行，將停止；提案不能再修改或送出。
        <span class="en" lang="en"
          >The proposal’s review ends: a consultation or vote still running stops, and the proposal can no
          longer be edited or submitted.</span
        >
      </li>
      <li>
        已公開之提案頁面仍在，標示為已撤回，並於歷程紀錄載明撤回理由。
        <span class="en" lang="en"
          >A published proposal’s page stays, marked withdrawn, with the reason on its trail.</span
        >
      </li>
      <li>
        撤回無法復原；如需收費，須另提新案。
        <span class="en" lang="en">Withdrawing cannot be undone; a fee needs a new proposal.</span>
      </li>
    </ul>
    <form method="post" action="${view.action}" novalidate>
      ${view.csrf} ${textareaField({ ...reason, rows: 4 }, view.form)}
      <button type="submit" class="warning">確認撤回 <span lang="en">Withdraw the proposal</span></button>
      <a href="${view.cancel}">取消 <span lang="en">Cancel</span></a>
    </form>`;
}

export interface CheckAnswersView {
  proposal: WorkspaceProposal;
  csrf: SafeHtml;
  /** The editor (its fields are linked by their ids) and where the submit button posts. */
  links: { edit: string; submit: string; preview: string };
  /** A revision after changes requested: whether its fee items changed (then a new consultation round). */
  resubmission?: { material: boolean };
  problem?: FormProblem;
}

const change = (edit: string, field: string, what: Label) =>
  html`<a href="${edit}#${fieldId(field)}"
    >更改 <span lang="en">Change</span><span class="visually-hidden"> ${what.zh} ${what.en}</span></a
  >`;

function row(label: Label, value: SafeHtml | string, edit: string, field: string): SafeHtml {
  return html`<div class="summary-row">
    <dt>${both(label)}</dt>
    <dd>${value}</dd>
    <dd class="change">${change(edit, field, label)}</dd>
  </div>`;
}

/** Refusals of a submission, in both languages (the fields they name are in the editor). */
const SUBMIT_REFUSALS: Record<string, Label> = {
  EFFECTIVE_BEFORE_REVIEW_ENDS: {
    zh: '預定生效日早於公開徵詢及審議可能結束之日，請修改生效日後再送出。',
    en: 'The effective date comes before the consultation and the vote can end: change it, then submit.',
  },
  ILLEGAL_TRANSITION: {
    zh: '本提案目前的狀態不能送出。',
    en: 'The proposal cannot be submitted in its current state.',
  },
};

export function checkAnswersBody(view: CheckAnswersView): SafeHtml {
  const { proposal: p, links } = view;
  const edit = links.edit;
  return html`${errorSummary(view.problem, { zh: '尚未送出', en: 'Not submitted' }, [], SUBMIT_REFUSALS)}
    <p class="lead">
      送出前請確認下列內容；送出後即公開徵詢，內容將如<a href="${links.preview}">預覽</a>所示公開。
      <span class="en" lang="en"
        >Check what follows before you submit: once submitted, it is published for consultation as the
        <a href="${links.preview}">preview</a> shows it.</span
      >
    </p>
    <h2>提案 <span class="en" lang="en">The proposal</span></h2>
    <dl class="summary">
      ${row({ zh: '收費基準名稱', en: 'Title' }, both(p.title), edit, 'title.zh')}
      ${row({ zh: '適用資料集', en: 'Datasets' }, html`${p.datasets.map((d) => html`${both(d.title)} <span class="muted">(${d.id})</span><br />`)}`, edit, 'datasetIds')}
      ${row({ zh: '公共利益', en: 'Public interest' }, html`<span class="prewrap">${p.justification.publicInterest}</span>`, edit, 'justification.publicInterest')}
      ${row({ zh: '隱私及營業秘密', en: 'Privacy and trade secrets' }, html`<span class="prewrap">${p.justification.privacyAndTradeSecrets}</span>`, edit, 'justification.privacyAndTradeSecrets')}
      ${row({ zh: '建置或客製成本', en: 'Cost of production' }, html`<span class="prewrap">${p.justification.costOfProduction}</span>`, edit, 'justification.costOfProduction')}
      ${row({ zh: '權利歸屬', en: 'Rights held' }, html`<span class="prewrap">${p.justification.rightsHeld}</span>`, edit, 'justification.rightsHeld')}
      ${row({ zh: '法令依據', en: 'Legal basis' }, p.legalBasis, edit, 'legalBasis')}
      ${row({ zh: '計費說明網址', en: 'Explanation URL' }, p.explanationUrl ?? html`<span class="muted">未填 <span lang="en">none</span></span>`, edit, 'explanationUrl')}
      ${row({ zh: '預定生效日', en: 'Effective from' }, onDay(p.effectiveFrom), edit, 'effectiveFrom')}
      ${row(
        { zh: '公開徵詢期間', en: 'Consultation period' },
        html`${p.consultationDays} 日
          <span lang="en">days</span
          >${p.urgencyReason ? html`<br />急迫理由 <span lang="en">Urgency</span>：${p.urgencyReason}` : ''}`,
        edit,
        'consultationDays',
      )}
    </dl>
    <h2>收費項目與成本依據 <span class="en" lang="en">Fee items and cost basis</span></h2>
    ${feeTable(p.items)}
    <p>${change(edit, 'items', { zh: '收費項目', en: 'Fee items' })}</p>
    ${p.items.map(costBasis)}
    <h2>差別費率 <span class="en" lang="en">Reductions by purpose</span></h2>
    ${reductions(p.reductions)}
    <p>
      ${change(edit, `reductions.${p.reductions[0]?.purpose ?? Object.keys(PURPOSE_LABELS)[0]}`, { zh: '差別費率', en: 'Reductions' })}
    </p>
    <h2>繳費方式 <span class="en" lang="en">How to pay</span></h2>
    ${paymentInstructionsBlock(p.paymentInstructions)}
    <p>${change(edit, 'paymentInstructions', { zh: '繳費方式', en: 'How to pay' })}</p>
    <h2>送出 <span class="en" lang="en">Submit</span></h2>
    ${
      view.resubmission
        ? view.resubmission.material
          ? html`<p>
              本次修正變更了收費項目，送出後將重新公開徵詢（新一輪）。
              <span class="en" lang="en"
                >This revision changes fee items: once submitted it goes to a new round of public
                consultation.</span
              >
            </p>`
          : html`<p>
              本次修正未變更收費項目，送出後直接交諮詢小組重新審議。
              <span class="en" lang="en"
                >This revision changes no fee item: once submitted it goes straight to a new vote of the
                advisory group.</span
              >
            </p>`
        : html`<p>
            送出後公開徵詢 ${p.consultationDays} 日，任何人皆可提出意見，機關須逐則回覆。
            <span class="en" lang="en"
              >Once submitted, the public consultation runs ${p.consultationDays} days; anyone may comment and
              the agency answers every comment.</span
            >
          </p>`
    }
    <form method="post" action="${links.submit}">
      ${view.csrf}
      <div class="actions">
        <button type="submit">確認送出 <span lang="en">Submit</span></button>
      </div>
    </form>`;
}

export const WORKSPACE_PROPOSAL_STYLES = `
.summary{margin:8px 0}
.summary-row{display:grid;grid-template-columns:minmax(10em,14em) 1fr auto;gap:4px 18px;border-bottom:1px solid #d0d5dd;padding:8px 0}
.summary-row dt{font-weight:600}
.summary-row dd{margin:0;overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button.warning{background:#a4262c}
@media (max-width:600px){.summary-row{grid-template-columns:1fr}}
`;

export interface ProposalListView {
  proposals: { title: AgencyText; status: ProposalStatus; version: number; updatedAt: string; url: string }[];
  links: { new: string; next?: string };
}

export function proposalListBody(view: ProposalListView): SafeHtml {
  return html`<p>
      <a class="button" href="${view.links.new}">新增提案 <span lang="en">New proposal</span></a>
    </p>
    ${
      view.proposals.length === 0
        ? html`<p class="muted">尚無提案。 <span lang="en">No proposals yet.</span></p>`
        : html`<div class="scroll">
            <table>
              <caption>
                本機關之提案
                <span class="en" lang="en">Your agency’s proposals</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">名稱<span class="en" lang="en">Title</span></th>
                  <th scope="col">狀態<span class="en" lang="en">Status</span></th>
                  <th scope="col">最後更新<span class="en" lang="en">Last changed</span></th>
                </tr>
              </thead>
              <tbody>
                ${view.proposals.map(
                  (p) =>
                    html`<tr>
                      <td><a href="${p.url}">${both(p.title)}</a></td>
                      <td>${both(PROPOSAL_STATUS_LABELS[p.status])} · v${p.version}</td>
                      <td>${when(p.updatedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${
      view.links.next
        ? html`<p>
            <a href="${view.links.next}" rel="next">更多 <span lang="en">More</span></a>
          </p>`
        : ''
    }`;
}
