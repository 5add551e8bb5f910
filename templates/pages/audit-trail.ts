/**
 * A proposal's audit trail as a page (`/consultations/{id}/events`, linked from the proposal page):
 * every recorded step, oldest first, with when, who and on which version, in words; the JSON the
 * trail is published as is linked for machines.
 */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { TrailEntry } from '#usecases/trail-page-view';
import { html } from '../escape.ts';
import { eventLabel } from '../trail-labels.ts';
import { page } from './layout.ts';
import { both, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { ACTOR_LABELS, DECISION_LABELS } from '../labels.ts';

export interface TrailPageView {
  title: AgencyText;
  links: { proposal: string; json: string };
  entries: TrailEntry[];
}

function entry(e: TrailEntry, proposalPage: string) {
  const what = eventLabel(e.type);
  const decision = e.decision ? DECISION_LABELS[e.decision] : undefined;
  return html`<li class="case">
    <h3>${what.zh} <span class="en" lang="en">${what.en}</span></h3>
    <p class="muted">
      ${when(e.at)} · ${both(ACTOR_LABELS[e.actor])}${e.member ? html`：${e.member}` : ''} · 第 ${e.version}
      版 <span lang="en">version ${e.version}</span>
    </p>
    ${decision ? html`<p>投票 <span lang="en">Vote</span>：${both(decision)}</p>` : ''}
    ${e.extendedTo ? html`<p>延長至 <span lang="en">Extended to</span> ${when(e.extendedTo)}</p>` : ''}
    ${e.reason ? html`<p class="prewrap">理由 <span lang="en">Reason</span>：${e.reason}</p>` : ''}
    ${
      e.commentId
        ? html`<p>
            <a href="${proposalPage}#comment-${e.commentId}">該則意見 <span lang="en">The comment</span></a>
          </p>`
        : ''
    }
  </li>`;
}

export function auditTrailPage(view: TrailPageView): string {
  const title = { zh: `處理歷程：${view.title.zh}`, en: `Audit trail: ${inEnglish(view.title)}` };
  return page(
    title,
    html`<p class="lead">
        本案每一處理步驟，依時間先後列出。投票進行中只顯示有委員投票，委員姓名及立場於審議結果公布後顯示。
        <span class="en" lang="en"
          >Every step of this proposal, oldest first. While a vote is open the trail says only that a member
          voted; who voted and how appear once the decision is published.</span
        >
      </p>
      <p>
        <a href="${view.links.proposal}">提案頁面 <span lang="en">The proposal</span></a> ·
        <a href="${view.links.json}" type="application/json"
          >機器可讀格式（JSON） <span lang="en">For machines (JSON)</span></a
        >
      </p>
      ${
        view.entries.length === 0
          ? html`<p class="muted">尚無紀錄。 <span lang="en">Nothing recorded yet.</span></p>`
          : html`<ol class="trail">
              ${view.entries.map((e) => entry(e, view.links.proposal))}
            </ol>`
      }`,
    { styles: PUBLIC_STYLES },
  );
}
