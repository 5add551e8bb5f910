/** Pages of the comment e-mail confirmation link: a button to confirm, then the result. */
import { inEnglish, type AgencyText } from '../agency-text.ts';
import { html } from '../escape.ts';
import { page } from './layout.ts';
import { linkProblem } from './link-problem.ts';

export function confirmCommentPage(input: {
  proposalTitle: AgencyText;
  body: string;
  actionPath: string;
}): string {
  return page(
    { zh: '確認您的意見', en: 'Confirm your comment' },
    html`<p>您對「${input.proposalTitle.zh}」提出了下列意見。按下確認後，此意見將標示為已驗證電子郵件。</p>
      <p class="en" lang="en">
        You commented on “${inEnglish(input.proposalTitle)}”. Press Confirm to mark the comment as coming from
        a verified address.
      </p>
      <blockquote>${input.body}</blockquote>
      <form method="post" action="${input.actionPath}">
        <button type="submit">確認 <span lang="en">Confirm</span></button>
      </form>`,
  );
}

export function commentConfirmedPage(already: boolean): string {
  return page(
    { zh: '意見已確認', en: 'Comment confirmed' },
    html`<div class="notice ok">
      <p>${already ? '此意見先前已確認。' : '謝謝，您的意見已標示為已驗證電子郵件。'}</p>
      <p class="en" lang="en">
        ${already ? 'This comment was confirmed before.' : 'Thank you: your comment is marked as coming from a verified address.'}
      </p>
    </div>`,
  );
}

export function linkProblemPage(kind: 'UNKNOWN' | 'EXPIRED'): string {
  const text =
    kind === 'EXPIRED'
      ? {
          zh: '此確認連結已過期，意見仍保留為未驗證。',
          en: 'This confirmation link has expired; the comment stays unverified.',
        }
      : {
          zh: '找不到此連結，請確認網址是否完整。',
          en: 'This link is not known. Check that the address is complete.',
        };
  return linkProblem(text);
}
