/**
 * The operator console's edit page of an advisory group:
 * - GET /operator/advisory-groups/{id}: the form with the stored group and the revision it was read at;
 * - POST to it: a member added or removed (the form again, nothing saved), or the save: the form
 *   as posted becomes the group (id and agency the stored ones), parsed with the schema of
 *   POST /advisory-groups, edited through editAdvisoryGroup conditionally on the revision the form
 *   was read at, then 303 to the page with a notice. A refusal shows the form again as typed, each
 *   message by its field; another edit saved in between is a 409 page saying to reload.
 */
import * as z from '#domain/zod';
import { fieldLimitsOf } from '#domain/field-limits';
import { AdvisoryGroupSchema, DEFAULT_DECISION_RULE } from '#domain/advisory-group';
import { advisoryGroupToEdit, editAdvisoryGroup } from '#usecases/edit-advisory-group';
import { groupChangedPage, groupEditPage } from '#templates/pages/advisory-group-edit';
import type { FormState } from '#templates/pages/form-fields';
import { FormBody } from './form-body.ts';
import { formPost } from './form-post.ts';
import { formToBody, formValues, isFormPost, seeOther } from './forms.ts';
import { groupFormBody } from './group-form-body.ts';
import {
  applyMemberAction,
  GROUP_EDIT_FIELDS,
  groupEditAction,
  groupValues,
  MAX_MEMBERS,
  postedRevision,
  rowCount,
} from './group-edit-form.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.object({ saved: z.optional(z.string()) });

export const handler = workspaceHandler(
  {
    access: 'workspace-operator',
    params: IdParam,
    query: Query,
    body: FormBody,
    bodyLimitBytes: 64 * 1024,
  },
  async ({ params, query, headers, body, session }) => {
    // The stored group first: an unknown id is a 404 page before any post is read.
    const { group, agencyName, revision } = await advisoryGroupToEdit(params.id);
    const path = `/operator/advisory-groups/${encodeURIComponent(group.id)}`;
    const render = (status: number, state: FormState, posted: boolean) =>
      workspacePageResult(
        status,
        groupEditPage({
          frame: frameOf(session),
          group,
          agencyName,
          action: path,
          rows: rowCount(state.values),
          maxRows: MAX_MEMBERS,
          state,
          limits: fieldLimitsOf(AdvisoryGroupSchema),
          ruleDefaults: DEFAULT_DECISION_RULE,
          saved: query.saved === '1' && !posted,
        }),
      );
    if (!isFormPost(headers)) return render(200, { values: groupValues(group, revision) }, false);
    const values = formValues(body, GROUP_EDIT_FIELDS);
    const action = groupEditAction(body.action);
    const rows = applyMemberAction(values, action);
    if (action.kind !== 'save') return render(200, { values: rows }, true);
    const { revision: _posted, ...posted } = formToBody(rows, GROUP_EDIT_FIELDS);
    const shaped = groupFormBody(posted);
    return formPost(
      {
        values: rows,
        bilingual: true,
        formPath: shaped.formPath,
        changedElsewhere: () => workspacePageResult(409, groupChangedPage(frameOf(session), path)),
      },
      async () => {
        const next = parseWith(
          AdvisoryGroupSchema,
          { ...shaped.body, id: group.id, agencyId: group.agencyId },
          'body',
        );
        await editAdvisoryGroup(group.id, next, postedRevision(values));
        return seeOther(`${path}?saved=1`);
      },
      (form) => render(form.problem.status, form, true),
    );
  },
);
