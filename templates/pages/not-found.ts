/** The 404 page of a public page whose subject (a dataset, a proposal) is not known, or of no page at all. */
import { html } from '../escape.ts';
import { page } from './layout.ts';
import { PUBLIC_STYLES } from './styles.ts';
import type { Label } from '../labels.ts';

/** What was looked for, in both languages. */
export type NotFoundSubject = Label;

export const NOT_FOUND_SUBJECTS = {
  proposal: { zh: '收費基準提案', en: 'Fee proposal' },
  dataset: { zh: '資料集', en: 'Dataset' },
  certificate: { zh: '授權證明書', en: 'Certificate' },
  license: { zh: '授權申請', en: 'License' },
  page: { zh: '網頁', en: 'Page' },
} satisfies Record<string, NotFoundSubject>;

export function notFoundPage(what: NotFoundSubject, id: string): string {
  return page(
    { zh: `找不到${what.zh}`, en: `${what.en} not found` },
    html`<div class="notice warn">
        <p>找不到${what.zh}「${id}」。請確認網址是否完整。</p>
        <p class="en" lang="en">
          No ${what.en.toLowerCase()} “${id}” is known here. Check that the address is complete.
        </p>
      </div>
      <p>
        <a href="/">回首頁 <span lang="en">Back to the home page</span></a>
      </p>`,
    { styles: PUBLIC_STYLES },
  );
}
