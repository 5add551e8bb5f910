/**
 * A proposal's audit trail as a page (`/consultations/{id}/events`, linked from the proposal page):
 * every recorded step, oldest first, with when, who and on which version, in words and in the
 * reader's language; the JSON the trail is published as is linked for machines.
 */
import type { AgencyText } from '../agency-text.ts';
import type { TrailEntry } from '#usecases/trail-page-view';
import { html } from '../escape.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { eventLabel } from '../trail-labels.ts';
import { page } from './layout.ts';
import { when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { ACTOR_LABELS, DECISION_LABELS, type Label } from '../labels.ts';

export interface TrailPageView {
  title: AgencyText;
  links: { proposal: string; json: string };
  entries: TrailEntry[];
}

const W = {
  lead: {
    zh: '本案每一處理步驟，依時間先後列出。投票進行中只顯示有委員投票，委員姓名及立場於審議結果公布後顯示。',
    en: 'Every step of this proposal, oldest first. While a vote is open the trail says only that a member voted; who voted and how appear once the decision is published.',
  },
  proposal: { zh: '提案頁面', en: 'The proposal' },
  json: { zh: '機器可讀格式（JSON）', en: 'For machines (JSON)' },
  none: { zh: '尚無紀錄。', en: 'Nothing recorded yet.' },
  vote: { zh: '投票', en: 'Vote' },
  extendedTo: { zh: '延長至', en: 'Extended to' },
  reason: { zh: '理由', en: 'Reason' },
  comment: { zh: '該則意見', en: 'The comment' },
} satisfies Record<string, Label>;

const version = (n: number): Label => ({ zh: `第 ${n} 版`, en: `version ${n}` });

function entry(e: TrailEntry, proposalPage: string, lang: Lang) {
  const t = say(lang);
  const colon = lang === 'zh' ? '：' : ': ';
  const decision = e.decision ? DECISION_LABELS[e.decision] : undefined;
  return html`<li class="case">
    <h3>${t(eventLabel(e.type))}</h3>
    <p class="muted">
      ${when(e.at, lang)} · ${t(ACTOR_LABELS[e.actor])}${e.member ? html`${colon}${e.member}` : ''} ·
      ${t(version(e.version))}
    </p>
    ${decision ? html`<p>${t(W.vote)}${colon}${t(decision)}</p>` : ''}
    ${e.extendedTo ? html`<p>${t(W.extendedTo)} ${when(e.extendedTo, lang)}</p>` : ''}
    ${e.reason ? html`<p class="prewrap">${t(W.reason)}${colon}${e.reason}</p>` : ''}
    ${e.commentId ? html`<p><a href="${proposalPage}#comment-${e.commentId}">${t(W.comment)}</a></p>` : ''}
  </li>`;
}

export function auditTrailPage(view: TrailPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const title = { zh: `處理歷程：${view.title.zh}`, en: `Audit trail: ${t(view.title)}` };
  return page(
    title,
    html`<p class="lead">${t(W.lead)}</p>
      <p>
        <a href="${view.links.proposal}">${t(W.proposal)}</a> ·
        <a href="${view.links.json}" type="application/json">${t(W.json)}</a>
      </p>
      ${
        view.entries.length === 0
          ? html`<p class="muted">${t(W.none)}</p>`
          : html`<ol class="trail">
              ${view.entries.map((e) => entry(e, view.links.proposal, lang))}
            </ol>`
      }`,
    { locale, styles: PUBLIC_STYLES },
  );
}
