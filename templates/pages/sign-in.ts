/**
 * The pages of signing in and out, and of what the workspace refuses: a person always reads a
 * page here, never a JSON error body (Traditional Chinese first, English after).
 */
import { html, type SafeHtml } from '../escape.ts';
import { page } from './layout.ts';

const signInLink = (returnPath?: string) =>
  html`<p>
    <a href="/sign-in${returnPath ? `?return=${encodeURIComponent(returnPath)}` : ''}"
      >登入工作區 <span class="en" lang="en">Sign in to the workspace</span></a
    >
  </p>`;

const notice = (zh: string, en: string, kind = 'notice'): SafeHtml =>
  html`<div class="notice ${kind}">
    <p>${zh}</p>
    <p class="en" lang="en">${en}</p>
  </div>`;

export function signedOutPage(): string {
  return page(
    { zh: '已登出', en: 'Signed out' },
    html`${notice('您已登出工作區。', 'You have signed out of the workspace.', 'ok')} ${signInLink()}`,
  );
}

/** A form posted after the session ended: nothing was recorded. */
export function sessionEndedPage(returnPath: string): string {
  return page(
    { zh: '請重新登入', en: 'Please sign in again' },
    html`${notice(
      '您的登入已逾時或已登出，這次送出的內容沒有儲存。請重新登入後再送出一次。',
      'Your session has ended or you signed out; what you sent was not saved. Sign in and send it again.',
      'warn',
    )}
    ${signInLink(returnPath)}`,
  );
}

/** A form without this session's token, or posted from another site: nothing was recorded. */
export function formRefusedPage(): string {
  return page(
    { zh: '無法受理此表單', en: 'This form could not be accepted' },
    html`${notice(
        '這份表單不是從本工作區目前的頁面送出的（可能來自其他網站，或頁面已過期），所以沒有處理，也沒有儲存任何內容。請回到工作區重新開啟頁面後再送出。',
        'This form did not come from a current page of this workspace (it may come from another site, or the page is out of date), so nothing was done or saved. Open the page in the workspace again and send it from there.',
        'warn',
      )}
      <p>
        <a href="/agency">回到工作區 <span class="en" lang="en">Back to the workspace</span></a>
      </p>`,
  );
}

/** A signed-in person on a page for another role (an operator on an agency desk, …). */
export function notForYouPage(message: string): string {
  return page(
    { zh: '此頁面不開放給您的帳號', en: 'This page is not for your account' },
    html`${notice('您的帳號沒有使用此頁面的權限。', message, 'warn')}
      <p>
        <a href="/agency">機關工作區 <span class="en" lang="en">Agency workspace</span></a> ·
        <a href="/operator">維運管理 <span class="en" lang="en">Operator console</span></a>
      </p>`,
  );
}

/** The identity provider's answer could not be used: an error, an expired attempt, a code that did not redeem. */
export function signInFailedPage(reason: string): string {
  return page(
    { zh: '登入未完成', en: 'Sign-in did not complete' },
    html`${notice('登入沒有完成，請再試一次。', reason, 'warn')} ${signInLink()}`,
  );
}

/** Any other refusal on a workspace page, with its status and code. */
export function workspaceErrorPage(status: number, code: string, message: string): string {
  return page(
    { zh: '無法完成', en: 'This could not be done' },
    html`${notice(`無法完成這項要求（${status} ${code}）。`, message, 'warn')}
      <p>
        <a href="/agency">回到工作區 <span class="en" lang="en">Back to the workspace</span></a>
      </p>`,
  );
}
