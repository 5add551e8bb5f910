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
import { AdvisoryGroupSchema, DEFAULT_DECISION_RULE } from '#domain/advisory-group';
import { ConflictError } from '#domain/errors';
import { advisoryGroupToEdit, editAdvisoryGroup } from '#usecases/edit-advisory-group';
import { groupChangedPage, groupEditPage } from '#templates/pages/advisory-group-edit';
import type { FormState } from '#templates/pages/form-fields';
import { FormBody } from './form-body.ts';
import { formToBody, formValues, isFormPost, refusalOf, seeOther } from './forms.ts';
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
    let state: FormState = { values: groupValues(group, revision) };
    let status = 200;
    if (isFormPost(headers)) {
      const values = formValues(body, GROUP_EDIT_FIELDS);
      const action = groupEditAction(body.action);
      state = { values: applyMemberAction(values, action) };
      if (action.kind === 'save') {
        const { revision: _posted, ...posted } = formToBody(state.values, GROUP_EDIT_FIELDS);
        const shaped = groupFormBody(posted);
        try {
          const next = parseWith(
            AdvisoryGroupSchema,
            { ...shaped.body, id: group.id, agencyId: group.agencyId },
            'body',
          );
          await editAdvisoryGroup(group.id, next, postedRevision(values));
          return seeOther(`${path}?saved=1`);
        } catch (error) {
          if (error instanceof ConflictError)
            return workspacePageResult(409, groupChangedPage(frameOf(session), path));
          const refusal = refusalOf(error, { bilingual: true });
          if (!refusal) throw error;
          const at = (entries: Record<string, unknown>) =>
            Object.fromEntries(Object.entries(entries).map(([p, m]) => [shaped.formPath(p), m]));
          state = {
            values: state.values,
            problem: {
              ...refusal,
              fields: at(refusal.fields) as Record<string, string>,
              ...(refusal.messages ? { messages: at(refusal.messages) as typeof refusal.messages } : {}),
            },
          };
          status = refusal.status;
        }
      }
    }
    return workspacePageResult(
      status,
      groupEditPage({
        frame: frameOf(session),
        group,
        agencyName,
        action: path,
        rows: rowCount(state.values),
        maxRows: MAX_MEMBERS,
        state,
        ruleDefaults: DEFAULT_DECISION_RULE,
        saved: query.saved === '1' && status === 200 && !isFormPost(headers),
      }),
    );
  },
);
