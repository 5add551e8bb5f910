/**
 * GET /agency: the agency workspace's overview, in the workspace frame. For now it greets the
 * signed-in clerk and names the desks; the dashboard (what waits for the agency) fills it.
 */
import { html } from '#templates/escape';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const handler = workspaceHandler({ access: 'workspace-agency' }, async ({ session }) =>
  workspacePageResult(
    200,
    workspacePage(
      frameOf(session),
      { zh: '機關工作區', en: 'Agency workspace' },
      html`<p>請從上方選單選擇要處理的工作。</p>
        <p class="en" lang="en">Choose what to work on from the menu above.</p>`,
      { current: '/agency' },
    ),
  ),
);
