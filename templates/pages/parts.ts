/** Small pieces every bilingual page uses: a label in both languages, a time, a fact of a list. */
import { html, type SafeHtml } from '../escape.ts';
import { formatDateTime } from '../pdf/format.ts';
import type { Label } from '../vote-labels.ts';

/** Both languages of a label, the English one marked as such. */
export const both = (label: Label) => html`${label.zh} <span class="en" lang="en">${label.en}</span>`;

/** "2025-03-14 23:59 臺北時間 Taipei time (2025-03-14T15:59:00Z UTC)" inside a <time>. */
export function when(iso: string): SafeHtml {
  const utc = new Date(iso).toISOString().replace('.000Z', 'Z');
  return html`<time datetime="${utc}">${formatDateTime(iso)}</time> 臺北時間
    <span lang="en">Taipei time</span> <span class="muted">(${utc} UTC)</span>`;
}

export const fact = (label: Label, value: SafeHtml | string) =>
  html`<dt>${both(label)}</dt>
    <dd>${value}</dd>`;

/** "2025-03-14 23:59" (Taipei time) inside a <time>, for the many timestamps of a list. */
export function shortWhen(iso: string): SafeHtml {
  return html`<time datetime="${new Date(iso).toISOString()}">${formatDateTime(iso)}</time>`;
}
