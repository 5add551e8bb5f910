/**
 * The datasets desk's form, in the workspace frame:
 * - GET /agency/datasets/new, GET /agency/datasets/{id}/edit: the form, empty or with the stored
 *   dataset (its id fixed);
 * - POST to either: the form as posted becomes the body of POST /datasets or PUT /datasets/{id}
 *   (the agency is the session's), run through the same use case, then 303 to the desk; a refusal
 *   shows the form again as typed, with each field's message and a summary on top.
 */
import * as z from '#domain/zod';
import { fieldLimitsOf } from '#domain/field-limits';
import { DATASET_LABELS, DatasetSchema } from '#domain/dataset';
import { editDataset, ownDataset } from '#usecases/edit-dataset';
import { ownAgencyOf } from '#usecases/read-fee-proposals';
import { registerDataset } from '#usecases/register-dataset';
import { workspacePaths } from '#usecases/workspace-paths';
import {
  DATASET_FORM_FIELDS,
  datasetFormBody,
  datasetFormValues,
} from '#templates/pages/dataset-form-fields';
import { datasetFormSection } from '#templates/pages/datasets-desk';
import { DESK_STYLES } from '#templates/pages/desk-styles';
import type { FormState } from '#templates/pages/form-fields';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { formPost } from './form-post.ts';
import { formToBody, formValues, isFormPost, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Params = z.object({ id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))) });

/** A missing conditions-of-use document is told at its first field (the group itself has no input). */
const formPath = (path: string) => (path === 'conditionsOfUse' ? 'conditionsOfUse.title.zh' : path);
export const handler = workspaceHandler(
  { access: 'workspace-agency', params: Params, body: z.unknown(), bodyLimitBytes: 32 * 1024 },
  async ({ params, principal, session, headers, body }) => {
    const editing = params.id;
    const agencyId = ownAgencyOf(principal);
    // The stored dataset first: an unknown id is a 404 page, another agency's a 403, before any post.
    const stored = editing ? await ownDataset(editing, principal) : undefined;
    const render = (status: number, state: FormState) => {
      const section = datasetFormSection({
        csrf: csrfField(session.csrfToken),
        action: editing ? workspacePaths.editDataset(editing) : workspacePaths.newDataset(),
        ...(editing ? { editing } : {}),
        form: state,
        labels: DATASET_LABELS,
        limits: fieldLimitsOf(DatasetSchema),
      });
      return workspacePageResult(
        status,
        workspacePage(
          frameOf(session),
          editing
            ? { zh: `編輯資料集 ${editing}`, en: `Edit dataset ${editing}` }
            : { zh: '登錄資料集', en: 'Register a dataset' },
          section,
          { current: workspacePaths.datasets(), styles: DESK_STYLES },
        ),
      );
    };
    if (!isFormPost(headers)) return render(200, { values: stored ? datasetFormValues(stored) : {} });
    const values = formValues(body, DATASET_FORM_FIELDS);
    const posted = datasetFormBody(formToBody(values, DATASET_FORM_FIELDS), agencyId);
    return formPost(
      { values, bilingual: true, formPath },
      async () => {
        const dataset = parseWith(DatasetSchema, editing ? { ...posted, id: editing } : posted, 'body');
        const saved = editing
          ? await editDataset(editing, dataset, principal)
          : await registerDataset(dataset, principal);
        return seeOther(workspacePaths.datasetSaved(saved.id));
      },
      (form) => render(form.problem.status, form),
    );
  },
);
