/**
 * The agency dashboard's body (/agency, inside the workspace frame): what waits for the agency,
 * as the domain computed it (functions/domain/agency-agenda.ts), then its proposals in every
 * status. It presents; it decides nothing.
 */
import type { Agenda } from '#domain/agency-agenda';
import type { ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import type { AgencyText } from '../agency-text.ts';
import { FEE_LAW_STEP_LABELS, PROPOSAL_STATUS_LABELS, type Label } from '../labels.ts';
import { both, onDay, shortWhen } from './parts.ts';
import { money } from '../format.ts';

export interface DashboardProposal {
  id: string;
  title: AgencyText;
  status: ProposalStatus;
  /** Where the agency works on it (the editor for a draft, the public page once submitted). */
  href: string;
}

export interface DashboardView {
  agenda: Agenda;
  proposals: DashboardProposal[];
  /** Links of the desks the lists lead to. */
  links: {
    proposal: (id: string) => string;
    consultation: (id: string) => string;
    /** Where a request awaiting payment is confirmed: its page on the licenses desk. */
    license: (id: string) => string;
    certificate: (number: string) => string;
  };
}

const title = both;

function section(heading: Label, items: SafeHtml[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<section>
    <h3>${both(heading)} <span class="count">（${items.length}）</span></h3>
    <ul>
      ${items}
    </ul>
  </section>`;
}

export function dashboardBody(view: DashboardView): SafeHtml {
  const { agenda, links } = view;
  const waiting = [
    section(
      { zh: '待回覆的意見', en: 'Comments to answer' },
      agenda.commentsToAnswer.map(
        (p) =>
          html`<li>
            <a href="${links.consultation(p.id)}">${title(p.title)}</a>：${p.unanswered} 則待回覆
            <span class="en" lang="en">${p.unanswered} to answer</span>
          </li>`,
      ),
    ),
    section(
      { zh: '即將截止的徵詢', en: 'Consultations closing soon' },
      agenda.closingSoon.map(
        (p) =>
          html`<li>
            <a href="${links.consultation(p.id)}">${title(p.title)}</a>：${shortWhen(p.closesAt)} 截止（剩
            ${p.daysLeft} 天） <span class="en" lang="en">closes in ${p.daysLeft} days</span>
          </li>`,
      ),
    ),
    section(
      { zh: '委員請機關修正', en: 'Changes requested by the advisory group' },
      agenda.changesRequested.map(
        (p) =>
          html`<li>
            <a href="${links.proposal(p.id)}">${title(p.title)}</a>
            ${
              p.reasons.length
                ? html`<ul>
                    ${p.reasons.map((r) => html`<li><strong>${r.name}</strong>：${r.reason}</li>`)}
                  </ul>`
                : ''
            }
          </li>`,
      ),
    ),
    section(
      { zh: '審議通過後待辦理的程序', en: 'Steps to record after the vote' },
      agenda.stepsToRecord.map(
        (p) =>
          html`<li>
            <a href="${links.proposal(p.id)}">${title(p.title)}</a>：下一步 ${FEE_LAW_STEP_LABELS[p.next].zh}
            <span class="en" lang="en">next: ${FEE_LAW_STEP_LABELS[p.next].en}</span>
          </li>`,
      ),
    ),
    section(
      { zh: '屆期應檢討的收費基準', en: 'Schedules due for review' },
      agenda.reviewsDue.map(
        (s) => html`<li>${title(s.title)}（${title(s.datasetTitle)}）：檢討期限 ${onDay(s.reviewBy)}</li>`,
      ),
    ),
    section(
      { zh: '待確認繳費的授權申請', en: 'License requests awaiting payment confirmation' },
      agenda.awaitingPayment.map(
        (l) =>
          html`<li>
            <a href="${links.license(l.id)}"
              >${l.licensee.name}${l.licensee.organization ? html`（${l.licensee.organization}）` : ''}</a
            >：${title(l.datasetTitle)}${l.totalTwd !== undefined ? html`，${money(l.totalTwd)}` : ''}，申請於
            ${shortWhen(l.requestedAt)}
          </li>`,
      ),
    ),
  ];
  const certificates = agenda.recentCertificates.length
    ? html`<h2>${both({ zh: '最近核發的證明', en: 'Recent certificates' })}</h2>
        <ul>
          ${agenda.recentCertificates.map(
            (c) =>
              html`<li>
                <a href="${links.certificate(c.number)}">${c.number}</a
                >：${c.licensee.name}，${title(c.datasetTitle)}， ${shortWhen(c.issuedAt)}
              </li>`,
          )}
        </ul>`
    : '';
  return html`<h2>${both({ zh: '待辦事項', en: 'What waits for you' })}</h2>
    <div class="agenda">
      ${
        agenda.count === 0
          ? html`<p>目前沒有待辦事項。 <span class="en" lang="en">Nothing waits for you now.</span></p>`
          : waiting
      }
    </div>
    ${certificates}
    <h2>${both({ zh: '本機關的提案', en: 'Your proposals' })}</h2>
    ${
      view.proposals.length === 0
        ? html`<p>尚無提案。 <span class="en" lang="en">No proposals yet.</span></p>`
        : html`<table class="list">
            <thead>
              <tr>
                <th scope="col">${both({ zh: '提案', en: 'Proposal' })}</th>
                <th scope="col">${both({ zh: '狀態', en: 'Status' })}</th>
              </tr>
            </thead>
            <tbody>
              ${view.proposals.map(
                (p) =>
                  html`<tr>
                    <td><a href="${p.href}">${title(p.title)}</a></td>
                    <td>${both(PROPOSAL_STATUS_LABELS[p.status])}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}
