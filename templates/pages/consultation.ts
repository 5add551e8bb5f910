/**
 * The public page of a fee-schedule proposal (`/consultations/{id}`): what the agency proposes and
 * why, the fee table with its cost basis, every comment with the agency's disposition, the comment
 * form while the consultation is open, and the documents and decision once they exist.
 */
import type { CommentLabels } from '#domain/consultation';
import type { FieldLimits } from '#domain/field-limits';
import type { Justification, PaymentInstructions, ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import { commentTargetLabel } from '../fee-labels.ts';
import type { ReviewedProposal } from '../reviewed-proposal.ts';
import { decisionSection, type DecisionView } from './decision.ts';
import { costBasis, feeTable, reductions } from './fee-schedule.ts';
import type { FormState } from './form-fields.ts';
import { commentForm } from './comment-form.ts';
import { page } from './layout.ts';
import { paymentInstructionsBlock } from './payment-instructions.ts';
import { both, fact, onDay, shortWhen, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { COMMENT_FORM_FIELDS } from './comment-form-fields.ts';
import { DISPOSITION_LABELS, SELF_DECLARED_LABEL, IDENTITY_TIER_LABELS, type Label } from '../labels.ts';
import { PROPOSAL_STATUS_LABELS } from '../labels.ts';

export { COMMENT_FORM_FIELDS };
export type { DecisionView };

export interface PublicCommentView {
  id: string;
  receivedAt: string;
  itemId: string | null;
  body: string;
  author: { name?: string; organization?: string };
  tier: keyof typeof IDENTITY_TIER_LABELS;
  /** The organisation named is not confirmed by the register: shown as 「自稱」 self-declared. */
  organizationSelfDeclared: boolean;
  /** How many comments on this page share this text (a campaign), this one included; shown once. */
  sameText: number;
  disposition: { disposition: keyof typeof DISPOSITION_LABELS; reply: string; answeredAt: string } | null;
}

export interface ConsultationPageView {
  proposal: ReviewedProposal & {
    status: ProposalStatus;
    justification: Justification;
    explanationUrl?: string;
    /** How licensees will pay under the schedule, as every quote will say it. */
    paymentInstructions?: PaymentInstructions;
    /** Each dataset's page and its fee-schedule page. */
    datasets: { id: string; title: Label; url: string; feeSchedulesUrl: string }[];
    consultation?: {
      round: number;
      opensAt: string;
      closesAt: string;
      extensions: { closesAt: string; reason: string }[];
    };
  };
  /** True while comments are accepted (in consultation and before the closing time). */
  open: boolean;
  comments: PublicCommentView[];
  links: {
    commentAction: string;
    /** The next page of comments, when there are more. */
    nextComments?: string;
    /** The first page of comments, when this is a later one. */
    firstComments?: string;
    report?: { page: string; pdf: string };
    decision?: { page: string; pdf: string };
    trail: string;
    /** The form that mails this proposal's news (extensions, the decision). */
    follow?: string;
  };
  decision?: DecisionView;
  /** After a comment was posted from the form (303 back here). */
  notice?: 'COMMENT_RECEIVED' | 'COMMENT_RECEIVED_CHECK_MAIL';
  /** The comment form's values and the refusal, when it was refused. */
  form?: FormState;
  /** The comment form's field labels: the schema's own, so the form and its refusals say the same words. */
  commentLabels: CommentLabels;
  /** The comment form's `maxlength` and `required`, from the schema. */
  commentLimits: FieldLimits;
  /**
   * The agency's preview of its draft or revision: the page exactly as the public will see it once
   * submitted, under a banner saying it is not published, and without the comment form.
   */
  preview?: { back: string };
}

export function consultationPage(view: ConsultationPageView): string {
  const { proposal } = view;
  const status = PROPOSAL_STATUS_LABELS[proposal.status];
  const body = html`${previewBanner(view.preview)}${noticeBox(view.notice)}${
      view.form?.problem
        ? html`<div class="notice warn">
            <p>
              <strong>您的意見尚未送出。</strong><a href="#comment-form">請見頁末表單的說明</a>
              <span class="en" lang="en"
                ><strong>Your comment has not been sent.</strong>
                <a href="#comment-form">See the form at the end of the page.</a></span
              >
            </p>
          </div>`
        : ''
    }
    <p>
      <span class="status${view.open ? ' open' : ''}">${status.zh} <span lang="en">${status.en}</span></span>
    </p>
    ${consultationNotice(view)}
    <h2>一、提案 <span class="en" lang="en">The proposal</span></h2>
    <dl class="facts">
      ${fact({ zh: '收費基準名稱', en: 'Fee schedule' }, both(proposal.title))}
      ${fact({ zh: '提案機關', en: 'Agency' }, html`${proposal.agencyName.zh}<br /><span lang="en">${proposal.agencyName.en}</span>`)}
      ${fact(
        { zh: '適用資料集', en: 'Datasets' },
        html`${proposal.datasets.map(
          (d) =>
            html`<a href="${d.url}">${d.title.zh} <span lang="en">${d.title.en}</span></a>
              <span class="muted">(${d.id})</span> ·
              <a href="${d.feeSchedulesUrl}">收費基準 <span lang="en">Fee schedules</span></a
              ><br />`,
        )}`,
      )}
      ${fact({ zh: '提案編號', en: 'Proposal' }, html`${proposal.id} · 第 ${proposal.version} 版 <span lang="en">version ${proposal.version}</span>`)}
      ${fact({ zh: '法令依據', en: 'Legal basis' }, proposal.legalBasis)}
      ${proposal.explanationUrl ? fact({ zh: '計費說明', en: 'Explanation' }, html`<a href="${proposal.explanationUrl}">${proposal.explanationUrl}</a>`) : ''}
      ${fact({ zh: '預定生效日', en: 'Effective from' }, onDay(proposal.effectiveFrom))}
    </dl>

    <h2>二、收費必要性 <span class="en" lang="en">Why a fee</span></h2>
    <dl class="facts">
      ${fact({ zh: '公共利益', en: 'Public interest' }, html`<span class="prewrap">${proposal.justification.publicInterest}</span>`)}
      ${fact({ zh: '隱私及營業秘密', en: 'Privacy and trade secrets' }, html`<span class="prewrap">${proposal.justification.privacyAndTradeSecrets}</span>`)}
      ${fact({ zh: '建置或客製成本', en: 'Cost of production' }, html`<span class="prewrap">${proposal.justification.costOfProduction}</span>`)}
      ${fact({ zh: '權利歸屬', en: 'Rights held' }, html`<span class="prewrap">${proposal.justification.rightsHeld}</span>`)}
    </dl>

    <h2>三、收費項目與成本依據 <span class="en" lang="en">Fee items and cost basis</span></h2>
    ${feeTable(proposal.items)}
    <p class="muted">
      收費不得高於文件化單位成本；高於邊際成本（重製、提供及傳布之成本）者須敘明例外理由。
      <span lang="en"
        >A charge may not exceed the documented unit cost; a charge above the marginal cost of reproduction,
        provision and dissemination needs a declared exception reason.</span
      >
    </p>
    ${proposal.items.map(costBasis)}
    <h3>差別費率 <span class="en" lang="en">Reductions by purpose</span></h3>
    ${reductions(proposal.reductions)}
    <h3>繳費方式 <span class="en" lang="en">How to pay</span></h3>
    ${paymentInstructionsBlock(proposal.paymentInstructions)} ${documents(view)}
    ${view.decision ? decisionSection(view.decision) : ''}

    <h2 id="comments">
      公開意見及機關回覆（${view.comments.length}）
      <span class="en" lang="en">Comments and the agency’s replies (${view.comments.length})</span>
    </h2>
    ${
      view.comments.length === 0
        ? html`<p class="muted">尚無意見。<span lang="en">No comments yet.</span></p>`
        : view.comments.map((c) => commentView(c, proposal.items))
    }
    ${commentPages(view.links)} ${view.open && !view.preview ? commentFormOf(view) : ''}`;
  return page(proposal.title, body, { styles: PUBLIC_STYLES });
}

function previewBanner(preview: ConsultationPageView['preview']): SafeHtml {
  if (!preview) return html``;
  return html`<div class="notice warn" role="note">
    <p>
      <strong>預覽：本頁尚未公開。</strong>送出公開徵詢後，民眾將看到與此相同的頁面。
      <a href="${preview.back}">回到提案</a>
      <span class="en" lang="en"
        ><strong>Preview: this page is not published.</strong> Once submitted for consultation, the public
        sees this page as it is here. <a href="${preview.back}">Back to the proposal</a></span
      >
    </p>
  </div>`;
}

function commentPages(links: ConsultationPageView['links']): SafeHtml {
  if (!links.nextComments && !links.firstComments) return html``;
  return html`<nav class="pages" aria-label="意見分頁 Comment pages">
    ${links.firstComments ? html`<a href="${links.firstComments}">最早的意見 <span lang="en">First comments</span></a>` : ''}
    ${links.nextComments ? html`<a href="${links.nextComments}" rel="next">更多意見 <span lang="en">More comments</span></a>` : ''}
  </nav>`;
}

function noticeBox(notice: ConsultationPageView['notice']): SafeHtml {
  if (!notice) return html``;
  return html`<div class="notice ok" role="status">
    <p>
      <strong>已收到您的意見，謝謝。</strong> <strong lang="en">Thank you: your comment is received.</strong>
    </p>
    ${
      notice === 'COMMENT_RECEIVED_CHECK_MAIL'
        ? html`<p>
            我們已寄出確認信，請開啟信中連結確認電子郵件；確認前意見標示為「未驗證」。
            <span class="en" lang="en"
              >We have mailed you a confirmation link: open it to confirm your address. Until then the comment
              shows as unverified.</span
            >
          </p>`
        : ''
    }
  </div>`;
}

function consultationNotice(view: ConsultationPageView): SafeHtml {
  const c = view.proposal.consultation;
  if (!c) return html``;
  return html`<div class="notice">
    <p>
      公開徵詢期間（第 ${c.round} 輪）
      <span lang="en">Consultation period (round ${c.round})</span>：${when(c.opensAt)} ～
      <span class="deadline">${when(c.closesAt)}</span>
    </p>
    ${c.extensions.map(
      (e) =>
        html`<p>
          延長至 <span lang="en">Extended to</span> ${when(e.closesAt)}：<span class="prewrap"
            >${e.reason}</span
          >
        </p>`,
    )}
    ${
      view.open
        ? html`<p>
            任何人皆可於截止前對本提案提出意見，機關須逐則回覆。<a href="#comment-form">前往意見表單</a>
            <span class="en" lang="en"
              >Anyone may comment until the closing time; the agency answers every comment.
              <a href="#comment-form">Go to the comment form</a></span
            >
          </p>`
        : ''
    }
  </div>`;
}

function documents(view: ConsultationPageView): SafeHtml {
  const { report, decision, trail } = view.links;
  return html`<h2>四、文件 <span class="en" lang="en">Documents</span></h2>
    <ul class="links">
      ${
        report
          ? html`<li>
              <a href="${report.page}">公開徵詢結果報告 <span lang="en">Consultation report</span></a> ·
              <a href="${report.pdf}">PDF</a>
            </li>`
          : html`<li class="muted">
              公開徵詢結果報告於徵詢截止且每則意見皆有回覆後公布。
              <span lang="en"
                >The consultation report is published once the consultation has closed and every comment is
                answered.</span
              >
            </li>`
      }
      ${
        decision
          ? html`<li>
              <a href="${decision.page}">審議結果 <span lang="en">Decision</span></a> ·
              <a href="${decision.pdf}">審議結果紀錄（PDF） <span lang="en">Decision record (PDF)</span></a>
            </li>`
          : ''
      }
      <li>
        <a href="${trail}">處理歷程 <span lang="en">Audit trail</span></a>
      </li>
      ${
        view.links.follow
          ? html`<li>
              <a href="${view.links.follow}"
                >以電子郵件追蹤本案進度 <span lang="en">Follow this proposal by e-mail</span></a
              >
            </li>`
          : ''
      }
    </ul>`;
}

function commentView(comment: PublicCommentView, items: ReviewedProposal['items']): SafeHtml {
  const tier = IDENTITY_TIER_LABELS[comment.tier];
  const item = comment.itemId ? items.find((i) => i.id === comment.itemId) : undefined;
  const target = commentTargetLabel(comment.itemId, items);
  const who = [comment.author.name, comment.author.organization].filter(Boolean).join('・');
  const disposition = comment.disposition;
  return html`<article class="comment" id="comment-${comment.id}" aria-label="意見 Comment ${comment.id}">
    <p class="meta">
      <strong>${who || '匿名'}</strong>${who ? '' : html` <span lang="en">Anonymous</span>`}
      ${
        comment.organizationSelfDeclared
          ? html`<span class="tag"
              >${SELF_DECLARED_LABEL.zh} <span lang="en">${SELF_DECLARED_LABEL.en}</span></span
            >`
          : ''
      }
      <span class="tag">${tier.zh} <span lang="en">${tier.en}</span></span>
      ${comment.sameText > 1 ? html`<span class="tag">同文意見 ${comment.sameText} 則 <span lang="en">same text ×${comment.sameText}</span></span>` : ''}
      · ${shortWhen(comment.receivedAt)} ·
      ${item ? html`針對 <span lang="en">about</span> <a href="#item-${item.id}">${both(target)}</a>` : both(target)}
    </p>
    <blockquote>${comment.body}</blockquote>
    ${
      disposition
        ? html`<div class="reply">
            <p>
              <strong
                >機關回覆
                <span lang="en">Agency’s reply</span
                >：${both(DISPOSITION_LABELS[disposition.disposition])}</strong
              >
              <span class="muted">${shortWhen(disposition.answeredAt)}</span>
            </p>
            <p class="prewrap">${disposition.reply}</p>
          </div>`
        : html`<div class="reply pending">
            <p>機關尚未回覆。 <span lang="en">Not answered yet.</span></p>
          </div>`
    }
  </article>`;
}

function commentFormOf(view: ConsultationPageView): SafeHtml {
  return commentForm({
    action: view.links.commentAction,
    items: view.proposal.items,
    ...(view.proposal.consultation ? { closesAt: view.proposal.consultation.closesAt } : {}),
    labels: view.commentLabels,
    limits: view.commentLimits,
    ...(view.form ? { form: view.form } : {}),
  });
}
