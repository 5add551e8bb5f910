/**
 * The frame of every workspace page (the agency's desks and the operator console): the page
 * layout with, in its header, who is signed in and for which agency, the workspace navigation and
 * the sign-out button, and the one helper that gives a workspace form its CSRF token.
 *
 *   workspacePage(frame, { zh: '概覽', en: 'Overview' }, body, { current: '/agency' })
 *   html`<form method="post" action="/agency/...">${csrfField(frame.csrfToken)} … </form>`
 *
 * Workspace pages go out with `workspacePageResult` (functions/http/workspace-page-result.ts): its
 * Referrer-Policy lets the browser send this site's Origin with a form post, which the CSRF check needs.
 */
import type { AgencyText } from '../agency-text.ts';
import { html, type SafeHtml } from '../escape.ts';
import { page, type PageOptions } from './layout.ts';

/** The form field that carries the session's synchronizer token (checked by the workspace middleware). */
export const CSRF_FIELD = 'csrfToken';

/** What the frame shows of the signed-in person (built from the session by frameOf). */
export interface WorkspaceFrame {
  displayName: string;
  role: 'agency' | 'operator';
  agencyId?: string;
  csrfToken: string;
}

interface NavEntry {
  path: string;
  zh: string;
  en: string;
}

/** The workspace's sections, in one place: the agency's desks, and the operator's console. */
export const WORKSPACE_NAV: Record<WorkspaceFrame['role'], readonly NavEntry[]> = {
  agency: [
    { path: '/agency', zh: '概覽', en: 'Overview' },
    { path: '/agency/proposals', zh: '提案', en: 'Proposals' },
    { path: '/agency/consultations', zh: '徵詢', en: 'Consultations' },
    { path: '/agency/licensing', zh: '授權', en: 'Licenses' },
    { path: '/agency/datasets', zh: '資料集', en: 'Datasets' },
  ],
  operator: [{ path: '/operator', zh: '維運管理', en: 'Operator console' }],
};

/** The hidden field that makes a workspace form acceptable; put it in every `<form method="post">`. */
export const csrfField = (token: string): SafeHtml =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${token}" />`;

/** A sign-out button: a form (a link would let any page sign a person out with an image). */
export const signOutForm = (token: string): SafeHtml =>
  html`<form method="post" action="/sign-out" class="sign-out">
    ${csrfField(token)}<button type="submit">登出 <span lang="en">Sign out</span></button>
  </form>`;

const styles = `
header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px}
.who{margin-left:auto;display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
.who .en{color:#dfe6ee}
.sign-out button{background:#fff;color:#12355b;padding:6px 14px;font-size:.95rem}
nav.workspace{flex-basis:100%}
nav.workspace ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 20px}
nav.workspace a{font-weight:400;display:inline-block;padding:4px 0;border-bottom:3px solid transparent}
nav.workspace a[aria-current=page]{border-bottom-color:#f0b400;font-weight:600}
@media (max-width:600px){.who{margin-left:0}}
`;

export interface WorkspacePageOptions extends PageOptions {
  /** The navigation entry this page belongs to (its path), marked as the current one. */
  current?: string;
}

export function workspacePage(
  frame: WorkspaceFrame,
  title: AgencyText,
  body: SafeHtml,
  options: WorkspacePageOptions = {},
): string {
  const nav = WORKSPACE_NAV[frame.role].map(
    (entry) =>
      html`<li>
        <a href="${entry.path}" ${entry.path === options.current ? html`aria-current="page"` : ''}
          >${entry.zh} <span class="en" lang="en">${entry.en}</span></a
        >
      </li>`,
  );
  const acting =
    frame.role === 'agency'
      ? html`代表 ${frame.agencyId ?? ''} <span class="en" lang="en">for ${frame.agencyId ?? ''}</span>`
      : html`維運人員 <span class="en" lang="en">operator</span>`;
  const header = html`<div class="who">
      <span
        >已登入 <span class="en" lang="en">Signed in:</span> <strong>${frame.displayName}</strong> ·
        ${acting}</span
      >
      ${signOutForm(frame.csrfToken)}
    </div>
    <nav class="workspace" aria-label="工作區 Workspace">
      <ul>
        ${nav}
      </ul>
    </nav>`;
  return page(title, body, { ...options, header, styles: styles + (options.styles ?? '') });
}
