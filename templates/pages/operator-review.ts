/**
 * One review in the operator console (/operator/reviews/{id}): where it stands, and for a stopped
 * one the confirmation step of a restart — what stopped it, where the restart enters, which
 * attempt it will be, and the reason the operator gives (shown on the public trail) before the
 * restart is confirmed. A refused restart comes back with the reason as typed and its message.
 */
import type { ReviewStanding, StoppedReview } from '#usecases/stopped-reviews';
import { html, type SafeHtml } from '../escape.ts';
import { PROPOSAL_STATUS_LABELS, RESTART_FROM_LABELS, type Label } from '../labels.ts';
import { both, fact, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { errorSummary, textareaField, type FieldSpec, type FormState } from './form-fields.ts';
import { csrfField, workspacePage, type WorkspaceFrame } from './workspace.ts';

export interface OperatorReviewPage {
  frame: WorkspaceFrame;
  standing: ReviewStanding;
  /** The restart just refused, as posted. */
  refused?: FormState;
  /** The restart was just recorded (after the 303 back here). */
  restarted?: boolean;
}

export const reviewPath = (id: string) => `/operator/reviews/${encodeURIComponent(id)}`;
export const restartAction = (id: string) => `${reviewPath(id)}/restart`;

export const RESTART_REASON: FieldSpec & { rows: number } = {
  name: 'reason',
  label: { zh: '重新啟動理由', en: 'Reason for restarting' },
  hint: {
    zh: '例如已排除的原因；將公開於本案處理歷程',
    en: 'e.g. what was fixed; shown on the proposal’s public audit trail',
  },
  required: true,
  maxlength: 1000,
  rows: 4,
};

const W = {
  title: { zh: '審議流程', en: 'Review' },
  proposal: { zh: '提案', en: 'Proposal' },
  status: { zh: '狀態', en: 'Status' },
  execution: { zh: '執行名稱', en: 'Execution' },
  stoppedAt: { zh: '中止時間', en: 'Stopped at' },
  error: { zh: '錯誤', en: 'Error' },
  cause: { zh: '原因', en: 'Cause' },
  stopped: {
    zh: '審議流程已中止，不會自行繼續。',
    en: 'The review has stopped and will not go on by itself.',
  },
  running: { zh: '審議流程執行中。', en: 'The review is running.' },
  restartedNow: { zh: '審議流程已重新啟動，正在執行。', en: 'The review was restarted and is running.' },
  restartedAt: { zh: '重新啟動時間', en: 'Restarted at' },
  restartedFrom: { zh: '接續自', en: 'Went on from' },
  reason: { zh: '理由', en: 'Reason' },
  attempt: { zh: '第幾次執行', en: 'Attempt' },
  notInReview: {
    zh: '本案目前不在審議中，沒有可重新啟動的流程。',
    en: 'This proposal is not in review: there is nothing to restart.',
  },
  confirmTitle: { zh: '確認重新啟動', en: 'Confirm the restart' },
  confirm: { zh: '確認重新啟動', en: 'Restart the review' },
  fix: { zh: '請修正以下欄位', en: 'Please correct these fields' },
  notRestarted: { zh: '未重新啟動', en: 'Not restarted' },
  back: { zh: '回到維運管理', en: 'Back to the console' },
} satisfies Record<string, Label>;

/** Refusals of a restart said in both languages (the service's message is English). */
const REFUSALS: Record<string, Label> = {
  REVIEW_NOT_STOPPED: {
    zh: '此審議流程未中止（可能已由他人重新啟動），無須重新啟動。',
    en: 'This review has not stopped (someone may have restarted it already): there is nothing to restart.',
  },
  REVIEW_NOT_IN_PROGRESS: W.notInReview,
};

const proposalLink = (id: string, title: { zh: string; en?: string }) =>
  html`<a href="/consultations/${encodeURIComponent(id)}">${both(title)}</a> <code>${id}</code>`;

const notice = (kind: 'ok' | 'warn', label: Label) =>
  html`<div class="notice ${kind}" role="status">
    <p>${label.zh}</p>
    <p class="en" lang="en">${label.en}</p>
  </div>`;

function restartForm(review: StoppedReview, page: OperatorReviewPage): SafeHtml {
  const state = page.refused ?? { values: {} };
  const from = RESTART_FROM_LABELS[review.restartFrom];
  const next = review.attempt + 1;
  return html`<form method="post" action="${restartAction(review.proposalId)}" novalidate>
    ${csrfField(page.frame.csrfToken)}
    <h2>${both(W.confirmTitle)}</h2>
    ${errorSummary(state.problem, W.fix, [RESTART_REASON], REFUSALS)}
    <p>重新啟動將從「${from.zh}」接續，為本案審議的第 ${next} 次執行；已完成的步驟不會重做。</p>
    <p class="en" lang="en">
      The restart goes on from ${from.en}, as attempt ${next} of this review; steps already done are not done
      again.
    </p>
    ${textareaField(RESTART_REASON, state)}
    <button type="submit">${W.confirm.zh} <span lang="en">${W.confirm.en}</span></button>
  </form>`;
}

function standingBody(page: OperatorReviewPage): SafeHtml {
  const { standing } = page;
  if (standing.state === 'NOT_IN_REVIEW')
    return html`${notice('warn', W.notInReview)}
      <dl class="facts">
        ${fact(W.proposal, proposalLink(standing.proposalId, standing.title))}
        ${fact(W.status, both(PROPOSAL_STATUS_LABELS[standing.status as keyof typeof PROPOSAL_STATUS_LABELS]))}
      </dl>`;
  const { review } = standing;
  const facts = html`${fact(W.proposal, proposalLink(review.proposalId, review.title))}
  ${fact(W.status, both(PROPOSAL_STATUS_LABELS[review.status as keyof typeof PROPOSAL_STATUS_LABELS]))}
  ${fact(W.execution, html`<code>${review.execution}</code>`)} ${fact(W.attempt, String(review.attempt))}`;
  if (standing.state === 'STOPPED')
    return html`${notice('warn', W.stopped)}
      <dl class="facts">
        ${facts} ${fact(W.stoppedAt, when(standing.review.stoppedAt))}
        ${fact(W.error, html`<code>${standing.review.error}</code>`)}
        ${standing.review.cause ? fact(W.cause, html`<span class="prewrap">${standing.review.cause}</span>`) : ''}
      </dl>
      ${restartForm(standing.review, page)}`;
  const { restarted } = standing;
  const from = restarted && RESTART_FROM_LABELS[restarted.from as keyof typeof RESTART_FROM_LABELS];
  return html`${notice('ok', page.restarted ? W.restartedNow : W.running)}
    <dl class="facts">
      ${facts}
      ${
        restarted
          ? html`${fact(W.restartedAt, when(restarted.at))} ${from ? fact(W.restartedFrom, both(from)) : ''}
            ${fact(W.reason, html`<span class="prewrap">${restarted.reason}</span>`)}`
          : ''
      }
    </dl>`;
}

export function operatorReviewPage(page: OperatorReviewPage): string {
  const { standing } = page;
  const title = standing.state === 'NOT_IN_REVIEW' ? standing.title : standing.review.title;
  // A restart refused because the review no longer stands where the form showed it (restarted by
  // someone else, ended meanwhile): said above what it stands as now.
  const refusedHere = standing.state === 'STOPPED' ? undefined : page.refused?.problem;
  const body = html`${errorSummary(refusedHere, W.notRestarted, [], REFUSALS)} ${standingBody(page)}
    <p><a href="/operator#reviews">${both(W.back)}</a></p>`;
  const heading = { zh: `${W.title.zh}：${title.zh}`, en: `${W.title.en}: ${title.en ?? title.zh}` };
  return workspacePage(page.frame, heading, body, {
    current: '/operator',
    styles: `${PUBLIC_STYLES}`,
  });
}
