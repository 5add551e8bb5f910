/**
 * The page a refused comment gets from POST /fee-proposals/{id}/comments itself: the comment form
 * as posted, with what is wrong by field, under the proposal's title and a link back to its full
 * page. Light on purpose: the API route that renders it must not bundle the whole proposal page.
 */
import type { AgencyText } from '../agency-text.ts';
import { html } from '../escape.ts';
import { say, type PageLocale } from '../language.ts';
import { commentForm, type CommentFormView } from './comment-form.ts';
import { page } from './layout.ts';
import { PUBLIC_STYLES } from './styles.ts';

export interface RefusedCommentView {
  proposalTitle: AgencyText;
  consultationUrl: string;
  form: CommentFormView;
}

export function refusedCommentPage(view: RefusedCommentView, locale: PageLocale): string {
  const { lang } = locale;
  const t = say(lang);
  return page(
    { zh: '您的意見尚未送出', en: 'Your comment has not been sent' },
    html`<p>
        ${lang === 'zh' ? '提案：' : 'Proposal: '}<a href="${view.consultationUrl}"
          >${t(view.proposalTitle)}</a
        >
      </p>
      ${commentForm(view.form, lang)}
      <p>
        <a href="${view.consultationUrl}">${t({ zh: '回到提案頁面', en: 'Back to the proposal’s page' })}</a>
      </p>`,
    { styles: PUBLIC_STYLES, locale },
  );
}
