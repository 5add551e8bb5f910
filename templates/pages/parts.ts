/** Small pieces every bilingual page uses: a label in both languages, a time, a fact of a list. */
import { say } from '../language.ts';
import { html, type SafeHtml } from '../escape.ts';
import { taipeiDay, taipeiMoment, utcInstant } from '../taipei-time.ts';
import type { AgencyText } from '../agency-text.ts';
import type { Label } from '../labels.ts';

/** Both languages of a label, the English one marked as such (the Chinese alone where a text has no English). */
export const both = (label: Label | AgencyText) =>
  label.en === undefined
    ? html`${label.zh}`
    : html`${label.zh} <span class="en" lang="en">${label.en}</span>`;

/** A label in the page's language, or in both on a page still written bilingually (no `lang`). */
export const tr = (label: Label | AgencyText, lang?: keyof Label) =>
  lang ? html`${say(lang)(label)}` : both(label);

/**
 * 「2025年3月14日 23:59（臺北時間）」 inside a <time>, then its English form; on a page in one
 * language, only that language's form.
 */
export function when(iso: string, only?: keyof Label): SafeHtml {
  const moment = taipeiMoment(iso);
  if (only) return html`<time datetime="${utcInstant(iso)}">${moment[only]}</time>`;
  return html`<time datetime="${utcInstant(iso)}">${moment.zh}</time>
    <span class="en" lang="en">${moment.en}</span>`;
}

/**
 * 「2025年7月1日」 (a day in Taipei) inside a <time>, then its English form; inside a sentence of one
 * language, only that language's form.
 */
export function onDay(date: string, only?: keyof Label): SafeHtml {
  const day = taipeiDay(date);
  if (only) return html`<time datetime="${date}">${day[only]}</time>`;
  return html`<time datetime="${date}">${day.zh}</time> <span class="en" lang="en">${day.en}</span>`;
}

export const fact = (label: Label, value: SafeHtml | string, only?: keyof Label) =>
  html`<dt>${only ? label[only] : both(label)}</dt>
    <dd>${value}</dd>`;

/** 「2025年3月14日 23:59（臺北時間）」 alone inside a <time>, for the many timestamps of a list. */
export function shortWhen(iso: string, lang: keyof Label = 'zh'): SafeHtml {
  return html`<time datetime="${utcInstant(iso)}">${taipeiMoment(iso)[lang]}</time>`;
}
