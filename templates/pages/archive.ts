/**
 * The proposal archive (`/archive`): a search form (text, agency, dataset, status, year) that reads
 * by GET, so every result is a link to keep or share; the proposals found, newest first; the next
 * page; and the Atom feed of consultations and decisions.
 */
import type { ProposalStatus } from '#domain/fee-proposal';
import { html, type SafeHtml } from '../escape.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { proposalCase, type ProposalSummary } from './home.ts';
import { page } from './layout.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { type Label, PROPOSAL_STATUS_LABELS } from '../labels.ts';

export interface ArchivePageView {
  query: {
    q?: string;
    agencyId?: string;
    datasetId?: string;
    status?: ProposalStatus;
    year?: number;
    cursor?: string;
  };
  items: ProposalSummary[];
  nextUrl?: string;
  firstPageUrl?: string;
  feedUrl: string;
  choices: {
    agencies: { id: string; name: Label }[];
    datasets: { id: string; name: Label }[];
    statuses: ProposalStatus[];
    years: number[];
  };
}

const ARCHIVE_STYLES = `
.search{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:4px 16px;align-items:end}
.search .wide{grid-column:1/-1}
.search .actions{grid-column:1/-1}
`;

function select(
  name: string,
  label: Label,
  options: { value: string; label: string }[],
  chosen: string | undefined,
  lang: Lang,
): SafeHtml {
  return html`<div>
    <label for="a-${name}">${label[lang]}</label>
    <select id="a-${name}" name="${name}">
      <option value="">${{ zh: '全部', en: 'All' }[lang]}</option>
      ${options.map(
        (o) =>
          html`<option value="${o.value}" ${o.value === chosen ? html`selected` : ''}>${o.label}</option>`,
      )}
    </select>
  </div>`;
}

export function archivePage(view: ArchivePageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { query, choices } = view;
  const form = html`<form class="search" method="get" action="/archive" role="search">
    <div class="wide">
      <label for="a-q">${t({ zh: '關鍵字', en: 'Search' })}</label>
      <p class="hint" id="a-q-hint">
        ${t({ zh: '收費基準名稱（中文或英文）、機關名稱或編號', en: 'The schedule’s title (Chinese or English), the agency’s name or the id' })}
      </p>
      <input
        id="a-q"
        name="q"
        type="search"
        maxlength="200"
        value="${query.q ?? ''}"
        aria-describedby="a-q-hint"
      />
    </div>
    ${select(
      'agencyId',
      { zh: '機關', en: 'Agency' },
      choices.agencies.map((a) => ({ value: a.id, label: a.name[lang] })),
      query.agencyId,
      lang,
    )}
    ${select(
      'datasetId',
      { zh: '資料集', en: 'Dataset' },
      choices.datasets.map((d) => ({ value: d.id, label: d.name[lang] })),
      query.datasetId,
      lang,
    )}
    ${select(
      'status',
      { zh: '狀態', en: 'Status' },
      choices.statuses.map((s) => ({ value: s, label: PROPOSAL_STATUS_LABELS[s][lang] })),
      query.status,
      lang,
    )}
    ${select(
      'year',
      { zh: '年度（徵詢截止日）', en: 'Year (consultation closing)' },
      choices.years.map((y) => ({ value: String(y), label: String(y) })),
      query.year === undefined ? undefined : String(query.year),
      lang,
    )}
    <div class="actions"><button type="submit">${t({ zh: '搜尋', en: 'Search' })}</button></div>
  </form>`;
  const results =
    view.items.length === 0
      ? html`<p class="muted">
          ${t(
            view.nextUrl
              ? {
                  zh: '此頁沒有符合的提案；下一頁還有更多。',
                  en: 'Nothing on this page matches; the next page has more.',
                }
              : { zh: '沒有符合的提案。', en: 'No proposal matches.' },
          )}
        </p>`
      : html`${view.items.map((p) => proposalCase(p, lang))}`;
  const body = html`<p class="lead">
      ${t({
        zh: '所有已公開之收費基準提案，新者在前：公開徵詢中、審議中、已決議與已撤回者皆可查詢。',
        en: 'Every fee-schedule proposal made public, newest first: in consultation, under review, decided or withdrawn.',
      })}
    </p>
    ${form}
    <h2>${t({ zh: '查詢結果', en: 'Results' })}</h2>
    ${results}
    <p class="actions">
      ${view.firstPageUrl ? html`<a href="${view.firstPageUrl}">${t({ zh: '回第一頁', en: 'First page' })}</a>` : ''}
      ${view.nextUrl ? html`<a class="button secondary" href="${view.nextUrl}">${t({ zh: '下一頁', en: 'Next page' })}</a>` : ''}
    </p>
    <p class="muted">
      <a href="${view.feedUrl}" type="application/atom+xml"
        >${t({
          zh: '訂閱公開徵詢與審議結果（Atom）',
          en: 'Follow new consultations and decisions (Atom feed)',
        })}</a
      >
    </p>`;
  return page({ zh: '收費基準提案彙整', en: 'Fee proposal archive' }, body, {
    styles: PUBLIC_STYLES + ARCHIVE_STYLES,
    locale,
  });
}
