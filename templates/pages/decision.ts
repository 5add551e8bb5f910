/**
 * The advisory group's decision as pages show it: the outcome, the tally, each member's position by
 * name. The consultation page includes it; the decision page (`/consultations/{id}/decision`, where
 * mails link) shows it on its own, or says that the group has not decided yet.
 */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import type { FeeLawChecklistEntry } from '#domain/fee-law-steps';
import { html, type SafeHtml } from '../escape.ts';
import type { Seat } from '#domain/advisory-group';
import type { BallotDecision } from '#domain/vote-tally';
import { page } from './layout.ts';
import { both, onDay, when } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { FEE_LAW_STEP_LABELS, OUTCOME_LABELS, SEAT_LABELS, positionLabel } from '../labels.ts';
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

/** The steps of 規費法 §10 after the vote: each one recorded, or still to come. */
function feeLawStepsList(decision: DecisionView): SafeHtml {
  if (decision.outcome !== 'APPROVED' || !decision.feeLawStepsRequired) return html``;
  return html`<h3>規費法第 10 條程序 <span class="en" lang="en">Steps under the Fees Act, art. 10</span></h3>
    <p class="muted">
      諮詢小組之審議結果為建議；收費基準由機關取得規費主管機關同意、送民意機關備查並公告後，依生效日實施。
      <span class="en" lang="en"
        >The advisory group recommends; the agency sets the schedule after the fee authority’s consent, the
        filing with the representative body and the announcement, and it applies from its effective
        date.</span
      >
    </p>
    <ol>
      ${(decision.feeLawSteps ?? []).map(({ step: kind, recorded: step }) => {
        const label = FEE_LAW_STEP_LABELS[kind];
        return html`<li>
          ${label.zh} <span class="en" lang="en">${label.en}</span>：${
            step
              ? html`${onDay(step.date)} ·
                ${step.reference}${step.url ? html` · <a href="${step.url}">${step.url}</a>` : ''}`
              : html`<span class="muted">尚未登錄 <span lang="en">not yet recorded</span></span>`
          }
        </li>`;
      })}
    </ol>`;
}

export interface DecisionPageView {
  proposal: { title: AgencyText };
  links: { proposal: string; pdf?: string };
  /** None yet: the page says so and what comes next. */
  decision?: DecisionView;
}

export function decisionSection(decision: DecisionView): SafeHtml {
  const outcome = OUTCOME_LABELS[decision.outcome];
  const { tally } = decision;
  return html`<h2>五、諮詢小組審議結果 <span class="en" lang="en">The advisory group’s decision</span></h2>
    <div class="notice ${decision.outcome === 'APPROVED' ? 'ok' : 'warn'}">
      <p><strong>${outcome.zh}</strong> <strong lang="en">${outcome.en}</strong></p>
      <p>
        決議時間 <span lang="en">Decided</span> ${when(decision.decidedAt)}${
          decision.effectiveFrom
            ? html` · 生效日 <span lang="en">in force from</span> ${onDay(decision.effectiveFrom)}`
            : ''
        }
      </p>
      <p>
        在任 ${tally.seats} 人（迴避 ${tally.recused} 人）、投票 ${tally.cast} 人、出席門檻 ${tally.quorum}
        人${tally.quorumMet ? '，已達門檻。' : '，未達門檻。'}
        <span class="en" lang="en"
          >${tally.seats} seats (${tally.recused} recused), ${tally.cast} votes cast, quorum ${tally.quorum}:
          ${tally.quorumMet ? 'met' : 'not met'}.</span
        >
      </p>
    </div>
    ${feeLawStepsList(decision)}
    <div class="scroll">
      <table>
        <caption>
          各委員立場
          <span class="en" lang="en">Each member’s position</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">委員<span class="en" lang="en">Member</span></th>
            <th scope="col">身分<span class="en" lang="en">Seat</span></th>
            <th scope="col">立場<span class="en" lang="en">Position</span></th>
            <th scope="col">理由<span class="en" lang="en">Reason</span></th>
          </tr>
        </thead>
        <tbody>
          ${decision.positions.map(
            (p) =>
              html`<tr>
                <th scope="row">${p.name}</th>
                <td>${both(SEAT_LABELS[p.seat])}</td>
                <td>${both(positionLabel(p.decision))}</td>
                <td class="prewrap">${p.reason ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export function decisionPage(view: DecisionPageView): string {
  const body = view.decision
    ? html`${decisionSection(view.decision)}
        <ul class="links">
          ${
            view.links.pdf
              ? html`<li>
                  <a href="${view.links.pdf}"
                    >審議結果紀錄（PDF） <span lang="en">Decision record (PDF)</span></a
                  >
                </li>`
              : ''
          }
          <li>
            <a href="${view.links.proposal}">提案頁面 <span lang="en">The proposal</span></a>
          </li>
        </ul>`
    : html`<div class="notice" role="status">
          <p>諮詢小組尚未對本提案作成決議。決議作成後將公布於此，並列出各委員立場及理由。</p>
          <p class="en" lang="en">
            The advisory group has not decided on this proposal yet. The decision is published here once it is
            made, with each member’s position and reason.
          </p>
        </div>
        <p>
          <a href="${view.links.proposal}">提案頁面 <span lang="en">The proposal</span></a>
        </p>`;
  return page(
    { zh: `審議結果：${view.proposal.title.zh}`, en: `Decision: ${inEnglish(view.proposal.title)}` },
    body,
    {
      styles: PUBLIC_STYLES,
    },
  );
}
