/**
 * A dataset's fee-schedule page (`/datasets/{id}/fee-schedules`): the schedule in force with its
 * items, the next one if published, and the history of every schedule published on the dataset,
 * each with when it took effect and was superseded, linking the proposal it was decided on.
 */
import type { DataClass } from '#domain/dataset';
import type { ScheduleStatus } from '#domain/fee-schedule';
import { inEnglish } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { say, type Lang, type PageLocale } from '../language.ts';
import { itemTable } from './dataset.ts';
import { page } from './layout.ts';
import { scheduleFacts, type LicenseScheduleView } from './license.ts';
import { fact, onDay } from './parts.ts';
import { PUBLIC_STYLES } from './styles.ts';
import { type Label, PROPOSAL_STATUS_LABELS } from '../labels.ts';

export interface ScheduleHistoryView extends LicenseScheduleView {
  status: ScheduleStatus;
  legalBasis: string;
  supersededAt?: string;
  reviewBy?: string;
  inForce: boolean;
  next: boolean;
}

export interface FeeSchedulesPageView {
  dataset: { id: string; title: Label; agencyName: Label; classification: DataClass; url: string };
  inForce?: ScheduleHistoryView;
  next?: ScheduleHistoryView;
  /** Newest first. */
  history: ScheduleHistoryView[];
}

const HEADING: Label = { zh: '收費基準', en: 'Fee schedule' };

function historyEntry(entry: ScheduleHistoryView, lang: Lang): SafeHtml {
  const t = say(lang);
  const standing = entry.inForce
    ? { zh: '現行', en: 'in force' }
    : entry.next
      ? { zh: '下一個', en: 'next' }
      : entry.supersededAt
        ? { zh: '已被取代', en: 'superseded' }
        : undefined;
  return html`<div class="case">
    <h3>
      <a href="${entry.url}">${t(entry.title)}</a>
      ${standing ? html`<span class="tag">${t(standing)}</span>` : ''}
    </h3>
    <dl class="facts">
      ${fact({ zh: '狀態', en: 'Status' }, t(PROPOSAL_STATUS_LABELS[entry.status]), lang)}
      ${fact({ zh: '生效日', en: 'In force from' }, onDay(entry.effectiveFrom, lang), lang)}
      ${entry.supersededAt ? fact({ zh: '失效日（由新基準取代）', en: 'Superseded on' }, onDay(entry.supersededAt, lang), lang) : ''}
      ${entry.reviewBy ? fact({ zh: '檢討期限', en: 'Review by' }, onDay(entry.reviewBy, lang), lang) : ''}
      ${fact({ zh: '法令依據', en: 'Legal basis' }, entry.legalBasis, lang)}
    </dl>
    <details>
      <summary>
        ${t({ zh: `收費項目（${entry.items.length} 項）`, en: `Fee items (${entry.items.length})` })}
      </summary>
      ${itemTable(entry, lang)}
    </details>
  </div>`;
}

export function feeSchedulesPage(view: FeeSchedulesPageView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  const { dataset, inForce, next } = view;
  const none =
    dataset.classification === 'ON_APPLICATION'
      ? {
          zh: '目前無收費基準生效，依申請免費提供。',
          en: 'No fee schedule is in force: the data is provided free on application.',
        }
      : dataset.classification === 'OPEN'
        ? { zh: '開放資料免費提供，不適用收費基準。', en: 'Open data is free: no fee schedule applies.' }
        : { zh: '此資料集不予提供。', en: 'This dataset is not provided.' };
  const body = html`<p class="lead">
      <a href="${dataset.url}">${dataset.title[lang]}</a> · ${dataset.agencyName[lang]}
    </p>
    <h2>${t({ zh: '現行收費基準', en: 'Fee schedule in force' })}</h2>
    ${inForce ? html`${scheduleFacts(inForce, HEADING, lang)} ${itemTable(inForce, lang)}` : html`<p>${t(none)}</p>`}
    ${
      next
        ? html`<h2>${t({ zh: '下一收費基準', en: 'Next fee schedule' })}</h2>
            <p class="muted">
              ${t({ zh: '生效日前之申請依現行基準計費。', en: 'Requests before its effective date are priced by the schedule in force.' })}
            </p>
            ${scheduleFacts(next, HEADING, lang)} ${itemTable(next, lang)}`
        : ''
    }
    <h2>${t({ zh: '收費基準沿革', en: 'History' })}</h2>
    ${
      view.history.length === 0
        ? html`<p class="muted">
            ${t({ zh: '此資料集尚無任何收費基準。', en: 'No fee schedule has been published on this dataset.' })}
          </p>`
        : html`${view.history.map((entry) => historyEntry(entry, lang))}`
    }`;
  return page(
    { zh: `收費基準：${dataset.title.zh}`, en: `Fee schedules: ${inEnglish(dataset.title)}` },
    body,
    {
      styles: PUBLIC_STYLES,
      locale,
    },
  );
}
