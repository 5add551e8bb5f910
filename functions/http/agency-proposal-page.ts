/**
 * GET /agency/proposals/{id}: one of the agency's proposals in its workspace: where it stands, the
 * members' reasons after changes were requested, the steps of 規費法 §10 after a favourable vote,
 * and what the agency can do next (edit, preview, check and submit, answer comments, withdraw).
 */
import * as z from '#domain/zod';
import { loadAgencyProposal } from '#usecases/consultation-desk-view';
import { agencyProposalPage } from './agency-proposal-render.ts';
import { IdParam } from './path-params.ts';
import { workspaceGetHandler } from './workspace-handler.ts';

const NOTICES = { submitted: 'SUBMITTED', withdrawn: 'WITHDRAWN', step: 'STEP_RECORDED' } as const;
const Query = z.object({ done: z.droppedIfInvalid(z.enum(['submitted', 'withdrawn', 'step'])) });

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', params: IdParam, query: Query },
  async ({ params, query, principal, session }) => {
    const { value: p } = await loadAgencyProposal(params.id, principal);
    return agencyProposalPage(p, session, query.done ? { notice: NOTICES[query.done] } : {});
  },
);
