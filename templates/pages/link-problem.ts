// The page a mailed confirmation link shows when it cannot be used; each flow supplies its words.
import { html } from '../escape.ts';
import { say, type PageLocale } from '../language.ts';
import { page } from './layout.ts';
import type { Label } from '../labels.ts';

export function linkProblem(text: Label, locale: PageLocale): string {
  return page(
    { zh: '連結無法使用', en: 'Link cannot be used' },
    html`<div class="notice warn">
      <p>${say(locale.lang)(text)}</p>
    </div>`,
    { locale },
  );
}
