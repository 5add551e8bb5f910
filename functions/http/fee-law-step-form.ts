/**
 * POST /agency/proposals/{id}/steps: the proposal page's form that records the next step of
 * 規費法 §10 (its date, reference, and for the announcement its URL and a new effective date),
 * through the same use case as POST /fee-proposals/{id}/steps → 303 to the proposal's page; a
 * refusal shows the page again with the form as typed and each field's message.
 */
import * as z from '#domain/zod';
import { FeeLawStepInputSchema } from '#domain/fee-law-steps';
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { recordFeeLawStep } from '#usecases/record-fee-law-step';
import { workspacePaths } from '#usecases/workspace-paths';
import { agencyProposalPage } from './agency-proposal-render.ts';
import { formPost } from './form-post.ts';
import { formToBody, formValues, seeOther } from './forms.ts';
import { parseWith } from './middleware/parse-request.ts';
import { IdParam } from './path-params.ts';
import { workspaceHandler } from './workspace-handler.ts';

const FIELDS = ['step', 'date', 'reference', 'url', 'effectiveFrom'] as const;

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: IdParam, body: z.unknown(), bodyLimitBytes: 8 * 1024 },
  async ({ params, principal, session, body }) => {
    const values = formValues(body, FIELDS);
    return formPost(
      { values, bilingual: true },
      async () => {
        await recordFeeLawStep(
          params.id,
          parseWith(FeeLawStepInputSchema, formToBody(values, FIELDS), 'body'),
          principal,
        );
        return seeOther(`${workspacePaths.proposal(params.id)}?done=step`);
      },
      async (form) => {
        const { value: p } = await loadAgencyProposal(params.id, principal);
        return agencyProposalPage(p, session, { status: form.problem.status, stepForm: form });
      },
    );
  },
);
