/**
 * The consultation desk of the agency workspace: for one proposal in consultation, progress
 * "n of m answered", every comment with its fee item, identity tier and campaign group, a link to
 * answer each one (a campaign text is answered once for all its copies), and the form that extends
 * the closing date with a reason; then the page that answers one comment or campaign group.
 */
import type { ProposalStatus } from '#domain/fee-proposal';
import type { AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { commentTargetLabel } from '../fee-labels.ts';
import {
  errorSummary,
  inputField,
  radioField,
  textareaField,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import { both, fact, shortWhen, when } from './parts.ts';
import {
  DISPOSITION_LABELS,
  SELF_DECLARED_LABEL,
  IDENTITY_TIER_LABELS,
  type Label,
  PROPOSAL_STATUS_LABELS,
} from '../labels.ts';
import type { PublicCommentView } from './consultation.ts';

/** A comment as the public page shows it, with the page that answers it. */
export interface DeskComment extends PublicCommentView {
  answer: string;
}

export interface DeskProposal {
  id: string;
  title: AgencyText;
  status: ProposalStatus;
  items: { id: string; name: AgencyText }[];
  consultation?: {
    round: number;
    opensAt: string;
    closesAt: string;
    extensions: { closesAt: string; reason: string }[];
  };
}

export interface ConsultationDeskView {
  proposal: DeskProposal;
  progress: { answered: number; total: number };
  comments: DeskComment[];
  /** Answers are taken until the report is published. */
  canAnswer: boolean;
  /** The closing date can move while the consultation is open. */
  canExtend: boolean;
  csrf: SafeHtml;
  links: { publicPage: string; extend: string; nextComments?: string; firstComments?: string };
  extendForm?: FormState;
  notice?: 'ANSWERED' | 'EXTENDED';
}

export const DISPOSITION_FIELDS = {
  disposition: {
    name: 'disposition',
    label: { zh: '處理結果', en: 'Disposition' },
    fix: { zh: '請選擇採納、部分採納或不採納。', en: 'Choose adopted, partly adopted or not adopted.' },
    required: true,
  },
  reply: {
    name: 'reply',
    label: { zh: '回覆及理由', en: 'Reply and reason' },
    hint: {
      zh: '將與意見一併公開於徵詢結果報告。',
      en: 'Published with the comment in the consultation report.',
    },
    fix: {
      zh: '請填寫回覆及理由（最多 5,000 字）。',
      en: 'Write the reply and its reason (at most 5,000 characters).',
    },
    required: true,
    maxlength: 5000,
  },
} satisfies Record<string, FieldSpec>;

export const EXTEND_FIELDS = {
  closesDate: {
    name: 'closesDate',
    label: { zh: '新截止日（臺北時間）', en: 'New closing date (Taipei)' },
    fix: { zh: '請選擇晚於目前截止時間的日期。', en: 'Choose a date after the current closing time.' },
    required: true,
    type: 'date',
  },
  closesTime: {
    name: 'closesTime',
    label: { zh: '新截止時間（臺北時間）', en: 'New closing time (Taipei)' },
    hint: { zh: '例：17:00', en: 'e.g. 17:00' },
    fix: { zh: '請填寫時間（時:分）。', en: 'Give a time (hh:mm).' },
    required: true,
    type: 'time',
  },
  reason: {
    name: 'reason',
    label: { zh: '延長理由', en: 'Reason for the extension' },
    hint: { zh: '延長將公開公告。', en: 'The extension is announced publicly.' },
    fix: { zh: '請填寫延長理由（最多 1,000 字）。', en: 'Give the reason (at most 1,000 characters).' },
    required: true,
    maxlength: 1000,
  },
} satisfies Record<string, FieldSpec>;

const REFUSALS: Record<string, Label> = {
  REPORT_ALREADY_PUBLISHED: {
    zh: '徵詢結果報告已公布，回覆不能再更改。',
    en: 'The consultation report is published: answers can no longer change.',
  },
  CONSULTATION_CLOSED: {
    zh: '公開徵詢已截止，不能再延長。',
    en: 'The consultation has closed: it cannot be extended.',
  },
};

export const progressText = (p: ConsultationDeskView['progress']) =>
  html`已回覆 <strong>${p.answered}</strong> / ${p.total} 則
    <span class="en" lang="en">${p.answered} of ${p.total} answered</span>`;

function who(comment: Pick<DeskComment, 'author'>): SafeHtml {
  const name = [comment.author.name, comment.author.organization].filter(Boolean).join('・');
  return name ? html`${name}` : html`匿名 <span lang="en">Anonymous</span>`;
}

/** A comment's facts: who, tier, campaign group, fee item, when. */
export function commentMeta(comment: DeskComment, items: DeskProposal['items']): SafeHtml {
  const tier = IDENTITY_TIER_LABELS[comment.tier];
  return html`<p class="meta">
    <strong>${who(comment)}</strong>
    ${comment.organizationSelfDeclared ? html`<span class="tag">${both(SELF_DECLARED_LABEL)}</span>` : ''}
    <span class="tag">${both(tier)}</span>
    ${comment.sameText > 1 ? html`<span class="tag">同文意見 ${comment.sameText} 則 <span lang="en">campaign text ×${comment.sameText}</span></span>` : ''}
    · ${shortWhen(comment.receivedAt)} · 針對
    <span lang="en">about</span> ${both(commentTargetLabel(comment.itemId, items))}
  </p>`;
}

function deskComment(comment: DeskComment, view: ConsultationDeskView): SafeHtml {
  const d = comment.disposition;
  return html`<article class="comment" id="comment-${comment.id}" aria-label="意見 Comment ${comment.id}">
    ${commentMeta(comment, view.proposal.items)}
    <blockquote>${comment.body}</blockquote>
    ${
      d
        ? html`<div class="reply">
            <p>
              <strong>${both(DISPOSITION_LABELS[d.disposition])}</strong>
              <span class="muted">${shortWhen(d.answeredAt)}</span>
            </p>
            <p class="prewrap">${d.reply}</p>
          </div>`
        : html`<div class="reply pending">
            <p>尚未回覆。 <span lang="en">Not answered yet.</span></p>
          </div>`
    }
    ${
      view.canAnswer
        ? html`<p>
            <a class="button${d ? ' secondary' : ''}" href="${comment.answer}"
              >${d ? '修改回覆' : '回覆'}${comment.sameText > 1 ? '（整組同文意見）' : ''}
              <span lang="en"
                >${d ? 'Change the answer' : 'Answer'}${comment.sameText > 1 ? ' (the whole campaign group)' : ''}</span
              ></a
            >
          </p>`
        : ''
    }
  </article>`;
}

function extendForm(view: ConsultationDeskView): SafeHtml {
  const state = view.extendForm ?? { values: {} };
  return html`<h2 id="extend">延長徵詢期間 <span class="en" lang="en">Extend the consultation</span></h2>
    ${errorSummary(state.problem, { zh: '尚未延長', en: 'Not extended' }, Object.values(EXTEND_FIELDS), REFUSALS)}
    <form method="post" action="${view.links.extend}" novalidate>
      ${view.csrf} ${inputField(EXTEND_FIELDS.closesDate, state)}
      ${inputField(EXTEND_FIELDS.closesTime, state)}
      ${textareaField({ ...EXTEND_FIELDS.reason, rows: 3 }, state)}
      <div class="actions">
        <button type="submit">延長截止時間 <span lang="en">Extend the closing time</span></button>
      </div>
    </form>`;
}

export function consultationDeskBody(view: ConsultationDeskView): SafeHtml {
  const { proposal } = view;
  const c = proposal.consultation;
  const status = PROPOSAL_STATUS_LABELS[proposal.status];
  return html`${
      view.notice
        ? html`<div class="notice ok" role="status">
            <p>
              ${view.notice === 'ANSWERED' ? html`<strong>已儲存回覆。</strong> <strong lang="en">The answer is saved.</strong>` : html`<strong>已延長截止時間並公告。</strong> <strong lang="en">The closing time is extended and announced.</strong>`}
            </p>
          </div>`
        : ''
    }
    <dl class="facts">
      ${fact({ zh: '狀態', en: 'Status' }, both(status))}
      ${c ? fact({ zh: '徵詢期間', en: 'Consultation' }, html`第 ${c.round} 輪 <span lang="en">round ${c.round}</span>：${when(c.opensAt)} ～ ${when(c.closesAt)}`) : ''}
      ${fact({ zh: '回覆進度', en: 'Progress' }, progressText(view.progress))}
    </dl>
    ${c?.extensions.map((e) => html`<p class="muted">延長至 <span lang="en">Extended to</span> ${when(e.closesAt)}：${e.reason}</p>`)}
    <p>
      <a href="${view.links.publicPage}">公開頁面 <span lang="en">The public page</span></a>
    </p>
    <h2 id="comments">意見 <span class="en" lang="en">Comments</span></h2>
    ${view.comments.length === 0 ? html`<p class="muted">尚無意見。 <span lang="en">No comments yet.</span></p>` : view.comments.map((comment) => deskComment(comment, view))}
    <nav class="pages" aria-label="意見分頁 Comment pages">
      ${view.links.firstComments ? html`<a href="${view.links.firstComments}">最早的意見 <span lang="en">First comments</span></a>` : ''}
      ${view.links.nextComments ? html`<a href="${view.links.nextComments}" rel="next">更多意見 <span lang="en">More comments</span></a>` : ''}
    </nav>
    ${view.canExtend ? extendForm(view) : ''}`;
}

export interface AnswerCommentView {
  proposal: DeskProposal;
  comment: DeskComment;
  /** The campaign group's size in the round, when the text has copies (they get the same answer). */
  groupSize: number;
  csrf: SafeHtml;
  action: string;
  back: string;
  state: FormState;
}

export function answerCommentBody(view: AnswerCommentView): SafeHtml {
  const { comment, state } = view;
  const existing = comment.disposition;
  const values =
    Object.keys(state.values).length > 0 || !existing
      ? state
      : { values: { disposition: existing.disposition, reply: existing.reply } };
  return html`<p>
      <a href="${view.back}">← 回到徵詢 <span lang="en">Back to the consultation</span></a>
    </p>
    ${errorSummary(state.problem, { zh: '尚未儲存回覆', en: 'The answer is not saved' }, Object.values(DISPOSITION_FIELDS), REFUSALS)}
    <article class="comment">
      ${commentMeta(comment, view.proposal.items)}
      <blockquote>${comment.body}</blockquote>
    </article>
    ${
      view.groupSize > 1
        ? html`<p class="notice">
            此回覆將適用於本輪全部 ${view.groupSize} 則同文意見。
            <span class="en" lang="en"
              >This answer applies to all ${view.groupSize} copies of this campaign text in the round.</span
            >
          </p>`
        : ''
    }
    <form method="post" action="${view.action}" novalidate>
      ${view.csrf}
      ${radioField(
        {
          ...DISPOSITION_FIELDS.disposition,
          options: (['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] as const).map((value) => ({
            value,
            label: DISPOSITION_LABELS[value],
          })),
        },
        values,
      )}
      ${textareaField({ ...DISPOSITION_FIELDS.reply, rows: 6 }, values)}
      <div class="actions">
        <button type="submit">儲存回覆 <span lang="en">Save the answer</span></button>
      </div>
    </form>`;
}

export interface ConsultationListEntry {
  title: AgencyText;
  status: ProposalStatus;
  closesAt?: string;
  progress: ConsultationDeskView['progress'];
  url: string;
}

/** The agency's proposals whose comments it answers, with their progress. */
export function consultationListBody(entries: ConsultationListEntry[]): SafeHtml {
  if (entries.length === 0) {
    return html`<p class="muted">
      目前沒有徵詢中或待回覆的提案。
      <span lang="en">No proposal is in consultation or awaiting your answers.</span>
    </p>`;
  }
  return html`<ul class="links">
    ${entries.map(
      (e) =>
        html`<li>
          <a href="${e.url}">${both(e.title)}</a> · ${both(PROPOSAL_STATUS_LABELS[e.status])}
          ${e.closesAt ? html` · 截止 <span lang="en">closes</span> ${shortWhen(e.closesAt)}` : ''} ·
          ${progressText(e.progress)}
        </li>`,
    )}
  </ul>`;
}
