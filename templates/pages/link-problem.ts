// The page a mailed confirmation link shows when it cannot be used; each flow supplies its words.
import { html } from '../escape.ts';
import { page } from './layout.ts';
import type { Label } from '../labels.ts';

export function linkProblem(text: Label): string {
  return page(
    { zh: '連結無法使用', en: 'Link cannot be used' },
    html`<div class="notice warn">
      <p>${text.zh}</p>
      <p class="en" lang="en">${text.en}</p>
    </div>`,
  );
}
