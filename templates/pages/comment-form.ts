/**
 * The comment form of a proposal: on its public page, and alone on the page a refused comment
 * gets from the route it posts to (comment-refused.ts), which must not bundle the whole page.
 */
import type { CommentLabels } from '#domain/consultation';
import type { FieldLimits } from '#domain/field-limits';
import type { AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { feeItemLabel, WHOLE_PROPOSAL_LABEL } from '../fee-labels.ts';
import {
  errorSummary,
  checkboxField,
  inputField,
  selectField,
  textareaField,
  withLimits,
  type FieldSpec,
  type FormState,
} from './form-fields.ts';
import { when } from './parts.ts';
import { say, type Lang } from '../language.ts';
import type { COMMENT_FORM_FIELDS } from './comment-form-fields.ts';
import type { Label } from '../labels.ts';

/** The comment form's fields, named by the schema's own labels (the view carries them). */
const commentFields = (labels: CommentLabels): Record<(typeof COMMENT_FORM_FIELDS)[number], FieldSpec> => ({
  body: {
    name: 'body',
    label: labels.body,
    hint: {
      zh: '請具體說明您對收費項目、金額或成本依據的意見。意見及機關回覆將公開。',
      en: 'Say what you think of the fee items, the charges or their cost basis. Comments and the agency’s replies are published.',
    },
    fix: { zh: '請填寫意見內容（最多 5,000 字）。', en: 'Write your comment (up to 5,000 characters).' },
  },
  itemId: {
    name: 'itemId',
    label: labels.itemId,
    fix: { zh: '請選擇本提案的收費項目。', en: 'Choose a fee item of this proposal.' },
  },
  'author.name': {
    name: 'author.name',
    label: labels['author.name'],
    hint: {
      zh: '將與意見一併公開；不填則顯示為匿名。',
      en: 'Published with the comment; leave empty to comment anonymously.',
    },
    fix: { zh: '姓名最多 100 字。', en: 'A name has at most 100 characters.' },
    autocomplete: 'name',
  },
  'author.organization': {
    name: 'author.organization',
    label: labels['author.organization'],
    hint: {
      zh: '以團體名義提出者請填寫；須以該團體登記網域之電子郵件驗證後，才列為機關團體意見，否則標示為自稱。',
      en: 'If you comment for an organization; it is credited once you confirm an address on a mail domain it registered, otherwise shown as self-declared.',
    },
    fix: { zh: '機關團體名稱最多 200 字。', en: 'An organization name has at most 200 characters.' },
    autocomplete: 'organization',
  },
  'author.email': {
    name: 'author.email',
    label: labels['author.email'],
    hint: {
      zh: '不公開。填寫後我們會寄送確認連結，確認後意見標示為「電子郵件已驗證」。',
      en: 'Never published. We mail you a link; once you confirm, the comment shows as from a verified address.',
    },
    fix: { zh: '請填寫有效的電子郵件地址，或留空。', en: 'Give a valid e-mail address, or leave it empty.' },
    type: 'email',
    autocomplete: 'email',
  },
  notify: {
    name: 'notify',
    label: labels.notify,
    hint: {
      zh: '機關回覆您的意見、延長徵詢或公布審議結果時寄信通知您；須填寫電子郵件並按確認信中的連結。',
      en: 'We mail you when the agency answers your comment, extends the consultation or the decision is published; needs your e-mail address, confirmed by the link we mail.',
    },
    fix: { zh: '如需通知，請填寫電子郵件。', en: 'Give an e-mail address to be kept informed.' },
  },
});

const REFUSALS: Record<string, Label> = {
  CONSULTATION_CLOSED: {
    zh: '本案公開徵詢已截止，無法再提出意見。',
    en: 'The public consultation on this proposal has closed; no more comments can be made.',
  },
  UNKNOWN_FEE_ITEM: {
    zh: '所選收費項目不屬於本提案。',
    en: 'The fee item chosen is not part of this proposal.',
  },
};

/** What the comment form shows: where it posts, the items a comment may be about, and a refusal. */
export interface CommentFormView {
  action: string;
  items: readonly { id: string; name: AgencyText }[];
  closesAt?: string;
  /** The field labels: the schema's own, so the form and its refusals say the same words. */
  labels: CommentLabels;
  /** Each field's `maxlength` and `required`, from the schema (fieldLimitsOf). */
  limits: FieldLimits;
  form?: FormState;
}

/** The form in the page's language. */
export function commentForm(view: CommentFormView, lang: Lang): SafeHtml {
  const t = say(lang);
  const state: FormState = view.form ?? { values: {} };
  const COMMENT_FIELDS = Object.fromEntries(
    Object.entries(commentFields(view.labels)).map(([name, spec]) => [name, withLimits(spec, view.limits)]),
  ) as ReturnType<typeof commentFields>;
  return html`<h2 id="comment-form">${t({ zh: '提出意見', en: 'Comment on this proposal' })}</h2>
    ${errorSummary(state.problem, { zh: '您的意見尚未送出', en: 'Your comment has not been sent' }, Object.values(COMMENT_FIELDS), REFUSALS, lang)}
    <form method="post" action="${view.action}">
      ${textareaField({ ...COMMENT_FIELDS.body, rows: 7 }, state, lang)}
      ${selectField(
        {
          ...COMMENT_FIELDS.itemId,
          options: [
            { value: '', label: WHOLE_PROPOSAL_LABEL },
            ...view.items.map((i) => ({ value: i.id, label: feeItemLabel(i) })),
          ],
        },
        state,
        lang,
      )}
      ${inputField(COMMENT_FIELDS['author.name'], state, lang)}
      ${inputField(COMMENT_FIELDS['author.organization'], state, lang)}
      ${inputField(COMMENT_FIELDS['author.email'], state, lang)}
      ${checkboxField(COMMENT_FIELDS.notify, state, lang)}
      <div class="actions">
        <button type="submit">${t({ zh: '送出意見', en: 'Send comment' })}</button>
        <span class="muted"
          >${t({ zh: '截止', en: 'Closes' })} ${view.closesAt ? when(view.closesAt, lang) : ''}</span
        >
      </div>
    </form>`;
}
