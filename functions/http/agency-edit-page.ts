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
import { AgencySchema } from '#domain/agency';
import { ConflictError } from '#domain/errors';
import { agencyToEdit, editAgency } from '#usecases/edit-agency';
import { agencyChangedPage, agencyEditPage } from '#templates/pages/agency-edit';
import type { FormState } from '#templates/pages/form-fields';
import { AGENCY_EDIT_FIELDS, agencyValues } from './agency-edit-form.ts';
import { FormBody } from './form-body.ts';
import { formToBody, formValues, isFormPost, refusalOf, seeOther } from './forms.ts';
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
    let state: FormState = { values: agencyValues(agency, revision) };
    let status = 200;
    if (isFormPost(headers)) {
      const values = formValues(body, AGENCY_EDIT_FIELDS);
      state = { values };
      const { revision: _posted, ...posted } = formToBody(values, AGENCY_EDIT_FIELDS);
      try {
        const next = parseWith(
          AgencySchema,
          { ...posted, id: agency.id, ...(agency.parentId ? { parentId: agency.parentId } : {}) },
          'body',
        );
        await editAgency(agency.id, next, postedRevision(values));
        return seeOther(`${path}?saved=1`);
      } catch (error) {
        if (error instanceof ConflictError)
          return workspacePageResult(409, agencyChangedPage(frameOf(session), path));
        const refusal = refusalOf(error, { bilingual: true });
        if (!refusal) throw error;
        state = { values, problem: refusal };
        status = refusal.status;
      }
    }
    return workspacePageResult(
      status,
      agencyEditPage({
        frame: frameOf(session),
        agency,
        parentName,
        action: path,
        state,
        saved: query.saved === '1' && status === 200 && !isFormPost(headers),
      }),
    );
  },
);
