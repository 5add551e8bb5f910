/**
 * The advisory group's decision as pages show it: the outcome, the tally, each member's position by
 * name. The consultation page includes it and the decision page (`/consultations/{id}/decision`,
 * where mails link) shows it on its own, each in the reader's language; the decision page says so
 * when the group has not decided yet.
 */
import type { AgencyText } from '../agency-text.ts';
import type { FeeLawChecklistEntry } from '#domain/fee-law-steps';
import { html, type SafeHtml } from '../escape.ts';
import type { Seat } from '#domain/advisory-group';
import type { BallotDecision } from '#domain/vote-tally';
import { say, type Lang, type PageLocale } from '../language.ts';
import { page } from './layout.ts';
import { onDay, tr, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { FEE_LAW_STEP_LABELS, OUTCOME_LABELS, SEAT_LABELS, positionLabel, type Label } from '../labels.ts';
import type { DecisionOutcome } from '#domain/records';

export interface DecisionView {
  outcome: DecisionOutcome;
  decidedAt: string;
  tally: { seats: number; recused: number; cast: number; quorum: number; quorumMet: boolean };
  positions: { name: string; seat: Seat; decision: BallotDecision | null; reason?: string }[];
  effectiveFrom?: string;
  /** After a favourable vote: the steps of 規費法 §10 recorded so far, and whether they are required. */
  feeLawSteps?: FeeLawChecklistEntry[];
  feeLawStepsRequired?: boolean;
}

const W = {
  stepsHeading: { zh: '規費法第 10 條程序', en: 'Steps under the Fees Act, art. 10' },
  stepsLead: {
    zh: '諮詢小組之審議結果為建議；收費基準由機關取得規費主管機關同意、送民意機關備查並公告後，依生效日實施。',
    en: 'The advisory group recommends; the agency sets the schedule after the fee authority’s consent, the filing with the representative body and the announcement, and it applies from its effective date.',
  },
  notRecorded: { zh: '尚未登錄', en: 'not yet recorded' },
  heading: { zh: '五、諮詢小組審議結果', en: 'The advisory group’s decision' },
  decided: { zh: '決議時間', en: 'Decided' },
  inForce: { zh: '生效日', en: 'in force from' },
  positions: { zh: '各委員立場', en: 'Each member’s position' },
  member: { zh: '委員', en: 'Member' },
  seat: { zh: '身分', en: 'Seat' },
  position: { zh: '立場', en: 'Position' },
  reason: { zh: '理由', en: 'Reason' },
  pdf: { zh: '審議結果紀錄（PDF）', en: 'Decision record (PDF)' },
  proposal: { zh: '提案頁面', en: 'The proposal' },
  notYet: {
    zh: '諮詢小組尚未對本提案作成決議。決議作成後將公布於此，並列出各委員立場及理由。',
    en: 'The advisory group has not decided on this proposal yet. The decision is published here once it is made, with each member’s position and reason.',
  },
} satisfies Record<string, Label>;

const tallyText = (tally: DecisionView['tally']): Label => ({
  zh: `在任 ${tally.seats} 人（迴避 ${tally.recused} 人）、投票 ${tally.cast} 人、出席門檻 ${tally.quorum} 人${tally.quorumMet ? '，已達門檻。' : '，未達門檻。'}`,
  en: `${tally.seats} seats (${tally.recused} recused), ${tally.cast} votes cast, quorum ${tally.quorum}: ${tally.quorumMet ? 'met' : 'not met'}.`,
});

/** The steps of 規費法 §10 after the vote: each one recorded, or still to come. */
function feeLawStepsList(decision: DecisionView, lang?: Lang): SafeHtml {
  if (decision.outcome !== 'APPROVED' || !decision.feeLawStepsRequired) return html``;
  const colon = lang === 'en' ? ': ' : '：';
  return html`<h3>${tr(W.stepsHeading, lang)}</h3>
    <p class="muted">${tr(W.stepsLead, lang)}</p>
    <ol>
      ${(decision.feeLawSteps ?? []).map(
        ({ step: kind, recorded: step }) =>
          html`<li>
            ${tr(FEE_LAW_STEP_LABELS[kind], lang)}${colon}${
              step
                ? html`${onDay(step.date, lang)} ·
                  ${step.reference}${step.url ? html` · <a href="${step.url}">${step.url}</a>` : ''}`
                : html`<span class="muted">${tr(W.notRecorded, lang)}</span>`
            }
          </li>`,
      )}
    </ol>`;
}

export interface DecisionPageView {
  proposal: { title: AgencyText };
  links: { proposal: string; pdf?: string };
  /** None yet: the page says so and what comes next. */
  decision?: DecisionView;
}

/** The decision; in `lang` alone when given, otherwise in both languages. */
export function decisionSection(decision: DecisionView, lang?: Lang): SafeHtml {
  const outcome = OUTCOME_LABELS[decision.outcome];
  return html`<h2>${tr(W.heading, lang)}</h2>
    <div class="notice ${decision.outcome === 'APPROVED' ? 'ok' : 'warn'}">
      <p><strong>${tr(outcome, lang)}</strong></p>
      <p>
        ${tr(W.decided, lang)}
        ${when(decision.decidedAt, lang)}${
          decision.effectiveFrom ? html` · ${tr(W.inForce, lang)} ${onDay(decision.effectiveFrom, lang)}` : ''
        }
      </p>
      <p>${tr(tallyText(decision.tally), lang)}</p>
    </div>
    ${feeLawStepsList(decision, lang)}
    <div class="scroll">
      <table>
        <caption>
          ${tr(W.positions, lang)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${tr(W.member, lang)}</th>
            <th scope="col">${tr(W.seat, lang)}</th>
            <th scope="col">${tr(W.position, lang)}</th>
            <th scope="col">${tr(W.reason, lang)}</th>
          </tr>
        </thead>
        <tbody>
          ${decision.positions.map(
            (p) =>
              html`<tr>
                <th scope="row">${p.name}</th>
                <td>${tr(SEAT_LABELS[p.seat], lang)}</td>
                <td>${tr(positionLabel(p.decision), lang)}</td>
                <td class="prewrap">${p.reason ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export function decisionPage(view: DecisionPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const body = view.decision
    ? html`${decisionSection(view.decision, lang)}
        <ul class="links">
          ${view.links.pdf ? html`<li><a href="${view.links.pdf}">${t(W.pdf)}</a></li>` : ''}
          <li><a href="${view.links.proposal}">${t(W.proposal)}</a></li>
        </ul>`
    : html`<div class="notice" role="status"><p>${t(W.notYet)}</p></div>
        <p><a href="${view.links.proposal}">${t(W.proposal)}</a></p>`;
  return page(
    { zh: `審議結果：${view.proposal.title.zh}`, en: `Decision: ${t(view.proposal.title)}` },
    body,
    { styles: PUBLIC_STYLES, locale },
  );
}
