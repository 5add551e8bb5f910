/**
 * The pages of a subscription to consultations: the form (every new consultation, one dataset's or
 * one proposal's news), the page after it (check your mail), the page a confirmation link opens
 * (a button; opening it changes nothing), the page after confirming, and the unsubscribe page a
 * mail's link opens (a button) with the page after it. Each in the reader's language.
 */
import { html } from '../escape.ts';
import { say, type PageLocale } from '../language.ts';
import type { Label } from '../labels.ts';
import { errorSummary, inputField, type FieldSpec, type FormState } from './form-fields.ts';
import { page } from './layout.ts';
import { PUBLIC_STYLES } from './styles.ts';

const EMAIL: FieldSpec = {
  name: 'email',
  label: { zh: '電子郵件', en: 'E-mail' },
  hint: {
    zh: '不公開。我們會寄送確認連結，確認後訂閱才開始；每封通知信都附取消訂閱連結。',
    en: 'Never published. We mail you a link; the subscription starts once you confirm, and every mail it brings has a link to stop it.',
  },
  fix: { zh: '請填寫有效的電子郵件地址。', en: 'Give a valid e-mail address.' },
  required: true,
  type: 'email',
  autocomplete: 'email',
};

export interface SubscribeFormView {
  /** POST /subscriptions. */
  action: string;
  /** What the form subscribes to (from its query), said in words. */
  topic: Label;
  /** Hidden fields naming the topic (`datasetId` or `proposalId`). */
  hidden: Partial<Record<'datasetId' | 'proposalId', string>>;
  sent: boolean;
  form: FormState;
}

const W = {
  formTitle: { zh: '訂閱公開徵詢通知', en: 'Follow consultations by e-mail' },
  subscribeTo: { zh: '訂閱內容', en: 'You will follow' },
  submit: { zh: '訂閱', en: 'Subscribe' },
  notSent: { zh: '訂閱尚未送出', en: 'Your subscription has not been sent' },
  sent: {
    zh: '確認信已寄出。請開啟信中的連結並按下「確認訂閱」，訂閱才會開始。',
    en: 'We have mailed you a link. Open it and press "Confirm" to start the subscription.',
  },
  confirmTitle: { zh: '確認訂閱', en: 'Confirm your subscription' },
  confirmButton: { zh: '確認訂閱', en: 'Confirm' },
  confirmed: { zh: '訂閱已開始。', en: 'Your subscription has started.' },
  alreadyConfirmed: { zh: '此訂閱先前已確認。', en: 'This subscription was confirmed already.' },
  unsubscribeTitle: { zh: '取消訂閱', en: 'Unsubscribe' },
  unsubscribeButton: { zh: '取消訂閱', en: 'Unsubscribe' },
  unsubscribed: {
    zh: '已取消訂閱，您不會再收到此類通知。',
    en: 'You are unsubscribed and will get no more of these mails.',
  },
  notActive: { zh: '此訂閱目前未生效。', en: 'This subscription is not active now.' },
  home: { zh: '回首頁', en: 'Back to the home page' },
} satisfies Record<string, Label>;

export function subscribeFormPage(view: SubscribeFormView, locale: PageLocale): string {
  const t = say(locale.lang);
  const body = view.sent
    ? html`<p class="notice ok" role="status">${t(W.sent)}</p>
        <p><a href="/">${t(W.home)}</a></p>`
    : html`${errorSummary(view.form.problem, W.notSent, [EMAIL], {}, locale.lang)}
        <form method="post" action="${view.action}">
          <p><strong>${t(W.subscribeTo)}</strong>：${t(view.topic)}</p>
          ${Object.entries(view.hidden).map(
            ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
          )}
          ${inputField(EMAIL, view.form, locale.lang)}
          <div class="actions"><button type="submit">${t(W.submit)}</button></div>
        </form>`;
  return page(W.formTitle, body, { locale, styles: PUBLIC_STYLES });
}

/** The page a confirmation link opens: what it subscribes to and the button. */
export function confirmSubscriptionPage(view: { topic: Label; action: string }, locale: PageLocale): string {
  const t = say(locale.lang);
  return page(
    W.confirmTitle,
    html`<p><strong>${t(W.subscribeTo)}</strong>：${t(view.topic)}</p>
      <form method="post" action="${view.action}">
        <button type="submit">${t(W.confirmButton)}</button>
      </form>`,
    { locale, styles: PUBLIC_STYLES },
  );
}

export function subscriptionConfirmedPage(
  view: { topic: Label; alreadyConfirmed: boolean },
  locale: PageLocale,
): string {
  const t = say(locale.lang);
  return page(
    W.confirmTitle,
    html`<p class="notice ok" role="status">${t(view.alreadyConfirmed ? W.alreadyConfirmed : W.confirmed)}</p>
      <p><strong>${t(W.subscribeTo)}</strong>：${t(view.topic)}</p>
      <p><a href="/">${t(W.home)}</a></p>`,
    { locale, styles: PUBLIC_STYLES },
  );
}

/** The page a mail's unsubscribe link opens: what it ends and the button (opening it changes nothing). */
export function unsubscribePage(
  view: { topic: Label; active: boolean; action: string },
  locale: PageLocale,
): string {
  const t = say(locale.lang);
  return page(
    W.unsubscribeTitle,
    view.active
      ? html`<p><strong>${t(W.subscribeTo)}</strong>：${t(view.topic)}</p>
          <form method="post" action="${view.action}">
            <button type="submit">${t(W.unsubscribeButton)}</button>
          </form>`
      : html`<p class="notice" role="status">${t(W.notActive)}</p>
          <p>${t(view.topic)}</p>
          <p><a href="/">${t(W.home)}</a></p>`,
    { locale, styles: PUBLIC_STYLES },
  );
}

export function unsubscribedPage(view: { topic: Label }, locale: PageLocale): string {
  const t = say(locale.lang);
  return page(
    W.unsubscribeTitle,
    html`<p class="notice ok" role="status">${t(W.unsubscribed)}</p>
      <p>${t(view.topic)}</p>
      <p><a href="/">${t(W.home)}</a></p>`,
    { locale, styles: PUBLIC_STYLES },
  );
}

/** A link that cannot be used, in the reader's language. */
export function subscriptionLinkProblemPage(kind: 'UNKNOWN' | 'EXPIRED', locale: PageLocale): string {
  const t = say(locale.lang);
  const text: Label =
    kind === 'UNKNOWN'
      ? {
          zh: '此連結無效，請確認是否完整複製信中的連結。',
          en: 'This link is not valid; check that it was copied whole from the mail.',
        }
      : {
          zh: '此連結已過期，請重新訂閱或使用較新信件中的連結。',
          en: 'This link has expired; subscribe again or use the link of a newer mail.',
        };
  return page(
    { zh: '連結無法使用', en: 'Link cannot be used' },
    html`<p class="notice warn">${t(text)}</p>`,
    {
      locale,
      styles: PUBLIC_STYLES,
    },
  );
}
