/** GET /operator: the operator console's start page, in the workspace frame. */
import { html } from '#templates/escape';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = workspaceHandler({ access: 'workspace-operator' }, async ({ session }) =>
  workspacePageResult(
    200,
    workspacePage(
      frameOf(session),
      { zh: '維運管理', en: 'Operator console' },
      html`<p>機關、諮詢小組與帳號的維護。</p>
        <p class="en" lang="en">Agencies, advisory groups and accounts.</p>`,
      { current: '/operator' },
    ),
  ),
);
