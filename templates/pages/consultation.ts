/**
 * The public page of a fee-schedule proposal (`/consultations/{id}`): what the agency proposes and
 * why, the fee table with its cost basis, every comment with the agency's disposition, the comment
 * form while the consultation is open, and the documents and decision once they exist. In the
 * reader's language alone; the agency's preview of it is in the agency's.
 */
import type { CommentLabels } from '#domain/consultation';
import type { FieldLimits } from '#domain/field-limits';
import type { Justification, PaymentInstructions, ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import { commentTargetLabel } from '../fee-labels.ts';
import type { ReviewedProposal } from '../reviewed-proposal.ts';
import { decisionSection, type DecisionView } from './decision.ts';
import { costBasisIn, feeTable, reductions } from './fee-schedule.ts';
import type { FormState } from './form-fields.ts';
import { commentForm } from './comment-form.ts';
import { page } from './layout.ts';
import { paymentInstructionsBlock } from './payment-instructions.ts';
import { fact, onDay, shortWhen, when } from './parts.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
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
  /** A withdrawn proposal's withdrawal: when, and the reason the agency gave (on the public trail). */
  withdrawal?: { at: string; reason: string };
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

/** A colon after a label, as each language writes it. */
const colon = (lang: Lang) => (lang === 'en' ? ': ' : '：');

export function consultationPage(view: ConsultationPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { proposal } = view;
  const status = PROPOSAL_STATUS_LABELS[proposal.status];
  const prose = (text: string) => html`<span class="prewrap">${text}</span>`;
  const body = html`${previewBanner(view.preview, lang)}${noticeBox(view.notice, lang)}${
      view.form?.problem
        ? html`<div class="notice warn">
            <p>
              <strong>${t({ zh: '您的意見尚未送出。', en: 'Your comment has not been sent.' })}</strong>
              <a href="#comment-form"
                >${t({ zh: '請見頁末表單的說明', en: 'See the form at the end of the page.' })}</a
              >
            </p>
          </div>`
        : ''
    }
    <p>
      <span class="status${view.open ? ' open' : ''}">${t(status)}</span>
    </p>
    ${withdrawalNotice(view.withdrawal, lang)} ${consultationNotice(view, lang)}
    <h2>${t({ zh: '一、提案', en: 'The proposal' })}</h2>
    <dl class="facts">
      ${fact({ zh: '收費基準名稱', en: 'Fee schedule' }, t(proposal.title), lang)}
      ${fact({ zh: '提案機關', en: 'Agency' }, t(proposal.agencyName), lang)}
      ${fact(
        { zh: '適用資料集', en: 'Datasets' },
        html`${proposal.datasets.map(
          (d) =>
            html`<a href="${d.url}">${t(d.title)}</a> <span class="muted">(${d.id})</span> ·
              <a href="${d.feeSchedulesUrl}">${t({ zh: '收費基準', en: 'Fee schedules' })}</a><br />`,
        )}`,
        lang,
      )}
      ${fact({ zh: '提案編號', en: 'Proposal' }, `${proposal.id} · ${lang === 'zh' ? `第 ${proposal.version} 版` : `version ${proposal.version}`}`, lang)}
      ${fact({ zh: '法令依據', en: 'Legal basis' }, proposal.legalBasis, lang)}
      ${proposal.explanationUrl ? fact({ zh: '計費說明', en: 'Explanation' }, html`<a href="${proposal.explanationUrl}">${proposal.explanationUrl}</a>`, lang) : ''}
      ${fact({ zh: '預定生效日', en: 'Effective from' }, onDay(proposal.effectiveFrom, lang), lang)}
    </dl>

    <h2>${t({ zh: '二、收費必要性', en: 'Why a fee' })}</h2>
    <dl class="facts">
      ${fact({ zh: '公共利益', en: 'Public interest' }, prose(proposal.justification.publicInterest), lang)}
      ${fact({ zh: '隱私及營業秘密', en: 'Privacy and trade secrets' }, prose(proposal.justification.privacyAndTradeSecrets), lang)}
      ${fact({ zh: '建置或客製成本', en: 'Cost of production' }, prose(proposal.justification.costOfProduction), lang)}
      ${fact({ zh: '權利歸屬', en: 'Rights held' }, prose(proposal.justification.rightsHeld), lang)}
    </dl>

    <h2>${t({ zh: '三、收費項目與成本依據', en: 'Fee items and cost basis' })}</h2>
    ${feeTable(proposal.items, lang)}
    <p class="muted">
      ${t({
        zh: '收費不得高於文件化單位成本；高於邊際成本（重製、提供及傳布之成本）者須敘明例外理由。',
        en: 'A charge may not exceed the documented unit cost; a charge above the marginal cost of reproduction, provision and dissemination needs a declared exception reason.',
      })}
    </p>
    ${proposal.items.map(costBasisIn(lang))}
    <h3>${t({ zh: '差別費率', en: 'Reductions by purpose' })}</h3>
    ${reductions(proposal.reductions, lang)}
    <h3>${t({ zh: '繳費方式', en: 'How to pay' })}</h3>
    ${paymentInstructionsBlock(proposal.paymentInstructions, lang)} ${documents(view, lang)}
    ${view.decision ? decisionSection(view.decision, lang) : ''}

    <h2 id="comments">
      ${lang === 'zh' ? `公開意見及機關回覆（${view.comments.length}）` : `Comments and the agency’s replies (${view.comments.length})`}
    </h2>
    ${
      view.comments.length === 0
        ? html`<p class="muted">${t({ zh: '尚無意見。', en: 'No comments yet.' })}</p>`
        : view.comments.map((c) => commentView(c, proposal.items, lang))
    }
    ${commentPages(view.links, lang)} ${view.open && !view.preview ? commentFormOf(view, lang) : ''}`;
  return page(proposal.title, body, { styles: PUBLIC_STYLES, locale });
}

function previewBanner(preview: ConsultationPageView['preview'], lang: Lang): SafeHtml {
  if (!preview) return html``;
  const t = say(lang);
  return html`<div class="notice warn" role="note">
    <p>
      <strong>${t({ zh: '預覽：本頁尚未公開。', en: 'Preview: this page is not published.' })}</strong> ${t({
        zh: '送出公開徵詢後，民眾將看到與此相同的頁面。',
        en: 'Once submitted for consultation, the public sees this page as it is here.',
      })}
      <a href="${preview.back}">${t({ zh: '回到提案', en: 'Back to the proposal' })}</a>
    </p>
  </div>`;
}

function commentPages(links: ConsultationPageView['links'], lang: Lang): SafeHtml {
  if (!links.nextComments && !links.firstComments) return html``;
  const t = say(lang);
  return html`<nav class="pages" aria-label="${t({ zh: '意見分頁', en: 'Comment pages' })}">
    ${links.firstComments ? html`<a href="${links.firstComments}">${t({ zh: '最早的意見', en: 'First comments' })}</a>` : ''}
    ${links.nextComments ? html`<a href="${links.nextComments}" rel="next">${t({ zh: '更多意見', en: 'More comments' })}</a>` : ''}
  </nav>`;
}

function noticeBox(notice: ConsultationPageView['notice'], lang: Lang): SafeHtml {
  if (!notice) return html``;
  const t = say(lang);
  return html`<div class="notice ok" role="status">
    <p><strong>${t({ zh: '已收到您的意見，謝謝。', en: 'Thank you: your comment is received.' })}</strong></p>
    ${
      notice === 'COMMENT_RECEIVED_CHECK_MAIL'
        ? html`<p>
            ${t({
              zh: '我們已寄出確認信，請開啟信中連結確認電子郵件；確認前意見標示為「未驗證」。',
              en: 'We have mailed you a confirmation link: open it to confirm your address. Until then the comment shows as unverified.',
            })}
          </p>`
        : ''
    }
  </div>`;
}

function withdrawalNotice(withdrawal: ConsultationPageView['withdrawal'], lang: Lang): SafeHtml {
  if (!withdrawal) return html``;
  const t = say(lang);
  return html`<div class="notice warn" role="note">
    <p>
      <strong
        >${
          lang === 'zh'
            ? html`提案機關已於${when(withdrawal.at, lang)}撤回本提案。`
            : html`The agency withdrew this proposal on ${when(withdrawal.at, lang)}.`
        }</strong
      >
    </p>
    <p>
      ${t({ zh: '撤回理由', en: 'Reason given' })}${colon(lang)}<span class="prewrap"
        >${withdrawal.reason}</span
      >
    </p>
  </div>`;
}

function consultationNotice(view: ConsultationPageView, lang: Lang): SafeHtml {
  const c = view.proposal.consultation;
  if (!c) return html``;
  const t = say(lang);
  return html`<div class="notice">
    <p>
      ${lang === 'zh' ? `公開徵詢期間（第 ${c.round} 輪）` : `Consultation period (round ${c.round})`}${colon(lang)}${when(c.opensAt, lang)}
      ～ <span class="deadline">${when(c.closesAt, lang)}</span>
    </p>
    ${c.extensions.map(
      (e) =>
        html`<p>
          ${t({ zh: '延長至', en: 'Extended to' })} ${when(e.closesAt, lang)}${colon(lang)}<span
            class="prewrap"
            >${e.reason}</span
          >
        </p>`,
    )}
    ${
      view.open
        ? html`<p>
            ${t({
              zh: '任何人皆可於截止前對本提案提出意見，機關須逐則回覆。',
              en: 'Anyone may comment until the closing time; the agency answers every comment.',
            })} <a href="#comment-form">${t({ zh: '前往意見表單', en: 'Go to the comment form' })}</a>
          </p>`
        : ''
    }
  </div>`;
}

function documents(view: ConsultationPageView, lang: Lang): SafeHtml {
  const t = say(lang);
  const { report, decision, trail } = view.links;
  return html`<h2>${t({ zh: '四、文件', en: 'Documents' })}</h2>
    <ul class="links">
      ${
        report
          ? html`<li>
              <a href="${report.page}">${t({ zh: '公開徵詢結果報告', en: 'Consultation report' })}</a> ·
              <a href="${report.pdf}">PDF</a>
            </li>`
          : html`<li class="muted">
              ${t({
                zh: '公開徵詢結果報告於徵詢截止且每則意見皆有回覆後公布。',
                en: 'The consultation report is published once the consultation has closed and every comment is answered.',
              })}
            </li>`
      }
      ${
        decision
          ? html`<li>
              <a href="${decision.page}">${t({ zh: '審議結果', en: 'Decision' })}</a> ·
              <a href="${decision.pdf}">${t({ zh: '審議結果紀錄（PDF）', en: 'Decision record (PDF)' })}</a>
            </li>`
          : ''
      }
      <li><a href="${trail}">${t({ zh: '處理歷程', en: 'Audit trail' })}</a></li>
      ${view.links.follow ? html`<li><a href="${view.links.follow}">${t({ zh: '以電子郵件追蹤本案進度', en: 'Follow this proposal by e-mail' })}</a></li>` : ''}
    </ul>`;
}

function commentView(comment: PublicCommentView, items: ReviewedProposal['items'], lang: Lang): SafeHtml {
  const t = say(lang);
  const item = comment.itemId ? items.find((i) => i.id === comment.itemId) : undefined;
  const target = commentTargetLabel(comment.itemId, items);
  const who = [comment.author.name, comment.author.organization].filter(Boolean).join('・');
  const disposition = comment.disposition;
  return html`<article
    class="comment"
    id="comment-${comment.id}"
    aria-label="${t({ zh: '意見', en: 'Comment' })} ${comment.id}"
  >
    <p class="meta">
      <strong>${who || t({ zh: '匿名', en: 'Anonymous' })}</strong>
      ${comment.organizationSelfDeclared ? html`<span class="tag">${t(SELF_DECLARED_LABEL)}</span>` : ''}
      <span class="tag">${t(IDENTITY_TIER_LABELS[comment.tier])}</span>
      ${
        comment.sameText > 1
          ? html`<span class="tag"
              >${lang === 'zh' ? `同文意見 ${comment.sameText} 則` : `same text ×${comment.sameText}`}</span
            >`
          : ''
      }
      · ${shortWhen(comment.receivedAt, lang)} ·
      ${item ? html`${t({ zh: '針對', en: 'about' })} <a href="#item-${item.id}">${t(target)}</a>` : t(target)}
    </p>
    <blockquote>${comment.body}</blockquote>
    ${
      disposition
        ? html`<div class="reply">
            <p>
              <strong
                >${t({ zh: '機關回覆', en: 'Agency’s reply' })}${colon(lang)}${t(DISPOSITION_LABELS[disposition.disposition])}</strong
              >
              <span class="muted">${shortWhen(disposition.answeredAt, lang)}</span>
            </p>
            <p class="prewrap">${disposition.reply}</p>
          </div>`
        : html`<div class="reply pending">
            <p>${t({ zh: '機關尚未回覆。', en: 'Not answered yet.' })}</p>
          </div>`
    }
  </article>`;
}

function commentFormOf(view: ConsultationPageView, lang: Lang): SafeHtml {
  return commentForm(
    {
      action: view.links.commentAction,
      items: view.proposal.items,
      ...(view.proposal.consultation ? { closesAt: view.proposal.consultation.closesAt } : {}),
      labels: view.commentLabels,
      limits: view.commentLimits,
      ...(view.form ? { form: view.form } : {}),
    },
    lang,
  );
}
