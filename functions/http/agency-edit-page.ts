/**
 * The operator console's edit page of an agency:
 * - GET /operator/agencies/{id}: the form with the stored names and contact e-mail and the revision
 *   it was read at;
 * - POST to it: the form as posted becomes the agency (id and parent the stored ones), parsed with
 *   the schema of POST /agencies, edited through editAgency conditionally on the revision the form
 *   was read at, then 303 to the page with a notice. A refusal shows the form again as typed, each
 *   message by its field in both languages; another edit saved in between is a 409 page saying to
 *   reload.
 */
import * as z from '#domain/zod';
import { fieldLimitsOf } from '#domain/field-limits';
import { AgencySchema } from '#domain/agency';
import { agencyToEdit, editAgency } from '#usecases/edit-agency';
import { agencyChangedPage, agencyEditPage } from '#templates/pages/agency-edit';
import type { FormState } from '#templates/pages/form-fields';
import { AGENCY_EDIT_FIELDS, agencyValues } from './agency-edit-form.ts';
import { FormBody } from './form-body.ts';
import { formPost } from './form-post.ts';
import { formToBody, formValues, isFormPost, seeOther } from './forms.ts';
import { postedRevision } from './group-edit-form.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.object({ saved: z.optional(z.string()) });

export const handler = workspaceHandler(
  { access: 'workspace-operator', params: IdParam, query: Query, body: FormBody },
  async ({ params, query, headers, body, session }) => {
    // The stored agency first: an unknown id is a 404 page before any post is read.
    const { agency, revision, parentName } = await agencyToEdit(params.id);
    const path = `/operator/agencies/${encodeURIComponent(agency.id)}`;
    const render = (status: number, state: FormState, posted: boolean) =>
      workspacePageResult(
        status,
        agencyEditPage({
          frame: frameOf(session),
          agency,
          parentName,
          action: path,
          state,
          limits: fieldLimitsOf(AgencySchema),
          saved: query.saved === '1' && !posted,
        }),
      );
    if (!isFormPost(headers)) return render(200, { values: agencyValues(agency, revision) }, false);
    const values = formValues(body, AGENCY_EDIT_FIELDS);
    const { revision: _posted, ...posted } = formToBody(values, AGENCY_EDIT_FIELDS);
    return formPost(
      {
        values,
        bilingual: true,
        changedElsewhere: () => workspacePageResult(409, agencyChangedPage(frameOf(session), path)),
      },
      async () => {
        const next = parseWith(
          AgencySchema,
          { ...posted, id: agency.id, ...(agency.parentId ? { parentId: agency.parentId } : {}) },
          'body',
        );
        await editAgency(agency.id, next, postedRevision(values));
        return seeOther(`${path}?saved=1`);
      },
      (form) => render(form.problem.status, form, true),
    );
  },
);
