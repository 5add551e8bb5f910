/**
 * The consultation report as a page (`/consultations/{id}/report`, where the report mail and the
 * review packet link), in the reader's language: counts by identity tier and disposition, then every
 * comment entry with the agency's reply, as published (the PDF, linked and bilingual, says the
 * same). Before publication, a page saying when.
 */
import type { AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { commentTargetLabel } from '../fee-labels.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { page } from './layout.ts';
import { fact, shortWhen, when } from './parts.ts';
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

const W = {
  proposal: { zh: '提案頁面', en: 'The proposal' },
  notYet: {
    zh: '公開徵詢結果報告於徵詢截止且機關回覆每則意見後公布。',
    en: 'The consultation report is published once the consultation has closed and the agency has answered every comment.',
  },
  agency: { zh: '提案機關', en: 'Agency' },
  version: { zh: '版本', en: 'Version' },
  period: { zh: '徵詢期間', en: 'Consultation' },
  published: { zh: '公布時間', en: 'Published' },
  total: { zh: '意見總數', en: 'Submissions' },
  byTier: { zh: '依身分', en: 'By identity' },
  byDisposition: { zh: '依處理結果', en: 'By disposition' },
  pdf: { zh: '報告（PDF）', en: 'The report (PDF)' },
  comments: { zh: '意見及機關回覆', en: 'Comments and the agency’s replies' },
  none: { zh: '本輪徵詢未收到意見。', en: 'No comments were received in this round.' },
  about: { zh: '針對', en: 'about' },
  reply: { zh: '機關回覆', en: 'Agency’s reply' },
  previous: { zh: '← 上一頁', en: '← Previous' },
  next: { zh: '下一頁 →', en: 'Next →' },
  pages: { zh: '意見分頁', en: 'Comment pages' },
} satisfies Record<string, Label>;

const round = (n: number): Label => ({ zh: `第 ${n} 輪`, en: `round ${n}` });
const sameText = (n: number): Label => ({ zh: `同文意見 ${n} 則`, en: `same text ×${n}` });
const pageOf = (n: number, count: number): Label => ({
  zh: `第 ${n} / ${count} 頁`,
  en: `page ${n} of ${count}`,
});

export function consultationReportPage(view: ReportPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const colon = lang === 'zh' ? '：' : ': ';
  const title = { zh: `公開徵詢結果報告：${view.title.zh}`, en: `Consultation report: ${t(view.title)}` };
  const report = view.report;
  if (!report) {
    return page(
      title,
      html`<div class="notice" role="status"><p>${t(W.notYet)}</p></div>
        <p><a href="${view.links.proposal}">${t(W.proposal)}</a></p>`,
      { styles: PUBLIC_STYLES, locale },
    );
  }
  const counts = <K extends string>(
    keys: readonly K[],
    labels: Record<K, Label>,
    of: Record<string, number>,
  ) => html`${keys.map((k) => html`${t(labels[k])}${colon}${of[k] ?? 0}<br />`)}`;
  const body = html`<dl class="facts">
      ${fact(W.agency, t(report.proposal.agencyName), lang)}
      ${fact(W.version, String(report.proposal.version), lang)}
      ${fact(W.period, html`${t(round(report.consultation.round))}${colon}${when(report.consultation.opensAt, lang)} ～ ${when(report.consultation.closesAt, lang)}`, lang)}
      ${fact(W.published, when(report.publishedAt, lang), lang)}
      ${fact(W.total, String(report.counts.total), lang)}
      ${fact(W.byTier, counts(IDENTITY_TIERS, IDENTITY_TIER_LABELS, report.counts.byTier), lang)}
      ${fact(W.byDisposition, counts(DISPOSITIONS, DISPOSITION_LABELS, report.counts.byDisposition), lang)}
    </dl>
    <ul class="links">
      ${view.links.pdf ? html`<li><a href="${view.links.pdf}">${t(W.pdf)}</a></li>` : ''}
      <li><a href="${view.links.proposal}">${t(W.proposal)}</a></li>
    </ul>
    <h2>${t(W.comments)}</h2>
    ${pager(view, lang)}
    ${
      report.comments.length === 0
        ? html`<p class="muted">${t(W.none)}</p>`
        : report.comments.map(
            (c) =>
              html`<article class="comment" id="comment-${c.id}">
                <p class="meta">
                  <strong>${c.authorLabel}</strong>
                  ${c.organizationSelfDeclared ? html`<span class="tag">${t(SELF_DECLARED_LABEL)}</span>` : ''}
                  <span class="tag">${t(IDENTITY_TIER_LABELS[c.tier])}</span>
                  ${c.campaignGroupSize ? html`<span class="tag">${t(sameText(c.campaignGroupSize))}</span>` : ''}
                  · ${shortWhen(c.receivedAt, lang)} ·
                  ${c.itemId ? html`${t(W.about)} ` : ''}${t(commentTargetLabel(c.itemId, report.items))}
                </p>
                <blockquote>${c.body}</blockquote>
                <div class="reply">
                  <p><strong>${t(W.reply)}${colon}${t(DISPOSITION_LABELS[c.disposition])}</strong></p>
                  <p class="prewrap">${c.reply}</p>
                </div>
              </article>`,
          )
    }
    ${pager(view, lang)}`;
  return page(title, body, { styles: PUBLIC_STYLES, locale });
}

/** Where this page of comments is among the report's pages, with links to the pages beside it. */
function pager(view: ReportPageView, lang: Lang): SafeHtml {
  const t = say(lang);
  const at = view.report?.page;
  if (!at || at.count <= 1) return html``;
  return html`<nav class="pager" aria-label="${t(W.pages)}">
    <p>
      ${view.links.previous ? html`<a href="${view.links.previous}" rel="prev">${t(W.previous)}</a> · ` : ''}
      ${t(pageOf(at.number, at.count))}
      ${view.links.next ? html` · <a href="${view.links.next}" rel="next">${t(W.next)}</a>` : ''}
    </p>
  </nav>`;
}
