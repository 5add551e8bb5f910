/** The 404 page of a public page whose subject (a dataset, a proposal) is not known, or of no page at all. */
import { html, type SafeHtml } from '../escape.ts';
import { VERIFY_BOX_STYLES } from './verify-box.ts';
import type { PageLocale } from '../language.ts';
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

/** `retry`: what the page offers to look again (the verify box for a certificate). */
export function notFoundPage(
  what: NotFoundSubject,
  id: string,
  locale: PageLocale,
  retry?: (lang: PageLocale['lang']) => SafeHtml,
): string {
  const { lang } = locale;
  const title = { zh: `找不到${what.zh}`, en: `${what.en} not found` };
  const problem = {
    zh: `找不到${what.zh}「${id}」。請確認網址是否完整。`,
    en: `No ${what.en.toLowerCase()} “${id}” is known here. Check that the address is complete.`,
  };
  return page(
    title,
    html`<div class="notice warn"><p>${problem[lang]}</p></div>
      ${retry ? retry(lang) : ''}
      <p><a href="/">${{ zh: '回首頁', en: 'Back to the home page' }[lang]}</a></p>`,
    { styles: PUBLIC_STYLES + (retry ? VERIFY_BOX_STYLES : ''), locale },
  );
}
