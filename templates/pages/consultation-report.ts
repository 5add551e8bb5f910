/**
 * The consultation report as a page (`/consultations/{id}/report`, where the report mail and the
 * review packet link): counts by identity tier and disposition, then every comment entry with the
 * agency's reply, as published (the PDF, linked, says the same). Before publication, a page saying when.
 */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { commentTargetLabel } from '../fee-labels.ts';
import { page } from './layout.ts';
import { both, fact, shortWhen, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import {
  DISPOSITION_LABELS,
  DISPOSITIONS,
  SELF_DECLARED_LABEL,
  IDENTITY_TIER_LABELS,
  IDENTITY_TIERS,
  type Label,
} from '../labels.ts';
import type { DispositionKind, IdentityTier } from '#domain/consultation';

export interface PublishedReportView {
  proposal: { title: AgencyText; agencyName: Label; version: number };
  consultation: { round: number; opensAt: string; closesAt: string };
  items: { id: string; name: AgencyText }[];
  counts: { byTier: Record<string, number>; byDisposition: Record<string, number>; total: number };
  comments: {
    id: string;
    receivedAt: string;
    tier: IdentityTier;
    authorLabel: string;
    /** The organisation in the label is not confirmed by the register (absent in reports published before). */
    organizationSelfDeclared?: boolean;
    itemId?: string;
    body: string;
    campaignGroupSize?: number;
    disposition: DispositionKind;
    reply: string;
  }[];
  /** Which page of comments this is (a page holds at most a hundred entries). */
  page: { number: number; count: number };
  publishedAt: string;
}

export interface ReportPageView {
  title: AgencyText;
  links: { proposal: string; pdf?: string; previous?: string; next?: string };
  report?: PublishedReportView;
}

export function consultationReportPage(view: ReportPageView): string {
  const title = {
    zh: `公開徵詢結果報告：${view.title.zh}`,
    en: `Consultation report: ${inEnglish(view.title)}`,
  };
  const back = html`<p>
    <a href="${view.links.proposal}">提案頁面 <span lang="en">The proposal</span></a>
  </p>`;
  const report = view.report;
  if (!report) {
    return page(
      title,
      html`<div class="notice" role="status">
          <p>公開徵詢結果報告於徵詢截止且機關回覆每則意見後公布。</p>
          <p class="en" lang="en">
            The consultation report is published once the consultation has closed and the agency has answered
            every comment.
          </p>
        </div>
        ${back}`,
      { styles: PUBLIC_STYLES },
    );
  }
  const body = html`<dl class="facts">
      ${fact({ zh: '提案機關', en: 'Agency' }, both(report.proposal.agencyName))}
      ${fact({ zh: '版本', en: 'Version' }, String(report.proposal.version))}
      ${fact({ zh: '徵詢期間', en: 'Consultation' }, html`第 ${report.consultation.round} 輪 <span lang="en">round ${report.consultation.round}</span>：${when(report.consultation.opensAt)} ～ ${when(report.consultation.closesAt)}`)}
      ${fact({ zh: '公布時間', en: 'Published' }, when(report.publishedAt))}
      ${fact({ zh: '意見總數', en: 'Submissions' }, String(report.counts.total))}
      ${fact({ zh: '依身分', en: 'By identity' }, html`${IDENTITY_TIERS.map((t) => html`${both(IDENTITY_TIER_LABELS[t])}：${report.counts.byTier[t] ?? 0}<br />`)}`)}
      ${fact({ zh: '依處理結果', en: 'By disposition' }, html`${DISPOSITIONS.map((d) => html`${both(DISPOSITION_LABELS[d])}：${report.counts.byDisposition[d] ?? 0}<br />`)}`)}
    </dl>
    <ul class="links">
      ${
        view.links.pdf
          ? html`<li>
              <a href="${view.links.pdf}">報告（PDF） <span lang="en">The report (PDF)</span></a>
            </li>`
          : ''
      }
      <li>
        <a href="${view.links.proposal}">提案頁面 <span lang="en">The proposal</span></a>
      </li>
    </ul>
    <h2>意見及機關回覆 <span class="en" lang="en">Comments and the agency’s replies</span></h2>
    ${pager(view)}
    ${
      report.comments.length === 0
        ? html`<p class="muted">
            本輪徵詢未收到意見。<span lang="en">No comments were received in this round.</span>
          </p>`
        : report.comments.map((c) => {
            return html`<article class="comment" id="comment-${c.id}">
              <p class="meta">
                <strong>${c.authorLabel}</strong>
                ${c.organizationSelfDeclared ? html`<span class="tag">${both(SELF_DECLARED_LABEL)}</span>` : ''}
                <span class="tag">${both(IDENTITY_TIER_LABELS[c.tier])}</span>
                ${c.campaignGroupSize ? html`<span class="tag">同文意見 ${c.campaignGroupSize} 則 <span lang="en">same text ×${c.campaignGroupSize}</span></span>` : ''}
                · ${shortWhen(c.receivedAt)} ·
                ${c.itemId ? html`針對 <span lang="en">about</span> ` : ''}${both(commentTargetLabel(c.itemId, report.items))}
              </p>
              <blockquote>${c.body}</blockquote>
              <div class="reply">
                <p>
                  <strong
                    >機關回覆
                    <span lang="en">Agency’s reply</span>：${both(DISPOSITION_LABELS[c.disposition])}</strong
                  >
                </p>
                <p class="prewrap">${c.reply}</p>
              </div>
            </article>`;
          })
    }
    ${pager(view)}`;
  return page(title, body, { styles: PUBLIC_STYLES });
}

/** Where this page of comments is among the report's pages, with links to the pages beside it. */
function pager(view: ReportPageView): SafeHtml {
  const at = view.report?.page;
  if (!at || at.count <= 1) return html``;
  return html`<nav class="pager" aria-label="意見分頁 Comment pages">
    <p>
      ${view.links.previous ? html`<a href="${view.links.previous}" rel="prev">← 上一頁 <span lang="en">Previous</span></a> · ` : ''}
      第 ${String(at.number)} / ${String(at.count)} 頁
      <span lang="en">page ${String(at.number)} of ${String(at.count)}</span>
      ${view.links.next ? html` · <a href="${view.links.next}" rel="next">下一頁 <span lang="en">Next</span> →</a>` : ''}
    </p>
  </nav>`;
}
