/** GET /operator: the operator console (agencies, advisory groups, accounts), in the workspace frame. */
import * as z from '#domain/zod';
import { operatorConsoleView } from '#usecases/operator-console-view';
import { operatorConsolePage } from '#templates/pages/operator-console';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

/** `?done=` names the form whose record was just made (a notice on top); anything else is ignored. */
const Query = z.object({ done: z.optional(z.string()) });
const FORMS = ['agency', 'group', 'account'] as const;

export const handler = workspaceGetHandler(
  { access: 'workspace-operator', query: Query },
  async ({ session, query }) =>
    workspacePageResult(
      200,
      operatorConsolePage({
        frame: frameOf(session),
        view: await operatorConsoleView(),
        done: FORMS.find((f) => f === query.done),
      }),
    ),
);
