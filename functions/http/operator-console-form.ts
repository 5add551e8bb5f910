/**
 * A form of the operator console posted to its workspace route: the posted fields become the body
 * the schema reads (dotted names, empty fields absent, as forms.ts does for the public forms), the
 * use case runs, and the browser goes back to the console (303) with what was recorded; a refusal
 * shows the console again (its status) with the form as typed and each message by its field.
 */
import type * as z from '#domain/zod';
import type { WorkspaceSession } from '#domain/session';
import { operatorConsoleView } from '#usecases/operator-console-view';
import { operatorConsolePage, type ConsoleForm } from '#templates/pages/operator-console';
import { formPost } from './form-post.ts';
import { formToBody, formValues, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import type { HttpResult } from './types.ts';
import { frameOf } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

export const CONSOLE_SECTIONS: Record<ConsoleForm, string> = {
  agency: 'agencies',
  group: 'groups',
  account: 'accounts',
};

export interface ConsoleFormSpec<T> {
  form: ConsoleForm;
  fields: readonly string[];
  schema: z.ZodMiniType<T>;
  /**
   * Where the form's fields are not the schema's one to one (rows, numbers): the body it stands for,
   * and how a refused body path reads as the form's field.
   */
  shape?: (body: Record<string, unknown>) => {
    body: Record<string, unknown>;
    formPath?: (path: string) => string;
  };
  run: (input: T) => Promise<unknown>;
}

export async function consoleFormPost<T>(
  spec: ConsoleFormSpec<T>,
  request: { body: unknown; session: WorkspaceSession },
): Promise<HttpResult> {
  const values = formValues(request.body, spec.fields);
  const posted = formToBody(values, spec.fields);
  const { body, formPath } = spec.shape?.(posted) ?? { body: posted };
  return formPost(
    { values, ...(formPath ? { formPath } : {}) },
    async () => {
      await spec.run(parseWith(spec.schema, body, 'body'));
      return seeOther(`/operator?done=${spec.form}#${CONSOLE_SECTIONS[spec.form]}`);
    },
    async (state) =>
      workspacePageResult(
        state.problem.status,
        operatorConsolePage({
          frame: frameOf(request.session),
          view: await operatorConsoleView(),
          refused: { form: spec.form, state },
        }),
      ),
  );
}
