/** Pages of the comment e-mail confirmation link: a button to confirm, then the result; each in the reader's language. */
import type { AgencyText } from '../agency-text.ts';
import { html } from '../escape.ts';
import { inLanguage, say, type PageLocale } from '../language.ts';
import type { Label } from '../labels.ts';
import { page } from './layout.ts';
import { linkProblem } from './link-problem.ts';

const W = {
  confirmTitle: { zh: '確認您的意見', en: 'Confirm your comment' },
  commentedOn: { zh: '您對下列提案提出了意見：', en: 'You commented on:' },
  confirmHint: {
    zh: '按下確認後，此意見將標示為已驗證電子郵件。',
    en: 'Press Confirm to mark the comment as coming from a verified address.',
  },
  confirm: { zh: '確認', en: 'Confirm' },
  confirmedTitle: { zh: '意見已確認', en: 'Comment confirmed' },
  confirmed: {
    zh: '謝謝，您的意見已標示為已驗證電子郵件。',
    en: 'Thank you: your comment is marked as coming from a verified address.',
  },
  alreadyConfirmed: { zh: '此意見先前已確認。', en: 'This comment was confirmed before.' },
  expired: {
    zh: '此確認連結已過期，意見仍保留為未驗證。',
    en: 'This confirmation link has expired; the comment stays unverified.',
  },
  unknown: {
    zh: '找不到此連結，請確認網址是否完整。',
    en: 'This link is not known. Check that the address is complete.',
  },
} satisfies Record<string, Label>;

/** The button posts in the page's language, so that the page after it is read in it too. */
export function confirmCommentPage(
  input: { proposalTitle: AgencyText; body: string; actionPath: string },
  locale: PageLocale,
): string {
  const t = say(locale.lang);
  return page(
    W.confirmTitle,
    html`<p>${t(W.commentedOn)} <strong>${t(input.proposalTitle)}</strong></p>
      <blockquote>${input.body}</blockquote>
      <p>${t(W.confirmHint)}</p>
      <form method="post" action="${inLanguage(input.actionPath, locale.lang)}">
        <button type="submit">${t(W.confirm)}</button>
      </form>`,
    { locale },
  );
}

export function commentConfirmedPage(already: boolean, locale: PageLocale): string {
  return page(
    W.confirmedTitle,
    html`<div class="notice ok" role="status">
      <p>${say(locale.lang)(already ? W.alreadyConfirmed : W.confirmed)}</p>
    </div>`,
    { locale },
  );
}

export function linkProblemPage(kind: 'UNKNOWN' | 'EXPIRED', locale: PageLocale): string {
  return linkProblem(kind === 'EXPIRED' ? W.expired : W.unknown, locale);
}
