/**
 * GET /agency/proposals/{id}: one of the agency's proposals in its workspace: where it stands, the
 * members' reasons after changes were requested, and what the agency can do next (edit, preview,
 * check and submit, answer comments).
 */
import * as z from '#domain/zod';
import { canTransition } from '#domain/proposal-status';
import { isPublicStatus } from '#domain/proposal-status';
import { loadAgencyProposal, answersTaken } from '#usecases/consultation-desk-view';
import { pagePaths } from '#usecases/page-paths';
import { workspacePaths } from '#usecases/workspace-paths';
import { changesRequested, workspaceProposal } from '#usecases/workspace-proposal-view';
import { proposalStatusBody, WORKSPACE_PROPOSAL_STYLES } from '#templates/pages/proposal-status';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { csrfField, workspacePage } from '#templates/pages/workspace';
import { IdParam } from './path-params.ts';
import { frameOf, workspaceHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.object({ done: z.catch(z.optional(z.enum(['submitted', 'withdrawn'])), undefined) });

export const handler = workspaceHandler(
  { access: 'workspace-agency', params: IdParam, query: Query },
  async ({ params, query, principal, session }) => {
    const { value: p } = await loadAgencyProposal(params.id, principal);
    const editable = canTransition(p.status, 'EDIT');
    const reasons = changesRequested(p);
    return workspacePageResult(
      200,
      workspacePage(
        frameOf(session),
        p.title,
        proposalStatusBody({
          proposal: await workspaceProposal(p),
          csrf: csrfField(session.csrfToken),
          links: {
            ...(editable
              ? { edit: workspacePaths.editProposal(p.id), check: workspacePaths.checkProposal(p.id) }
              : {}),
            preview: workspacePaths.previewProposal(p.id),
            ...(answersTaken(p) ? { desk: workspacePaths.consultationDesk(p.id) } : {}),
            ...(isPublicStatus(p.status) ? { publicPage: pagePaths.consultation(p.id) } : {}),
          },
          ...(reasons ? { changesRequested: reasons } : {}),
          ...(query.done === 'submitted' ? { notice: 'SUBMITTED' as const } : {}),
          ...(query.done === 'withdrawn' ? { notice: 'WITHDRAWN' as const } : {}),
        }),
        { current: workspacePaths.proposals(), styles: PUBLIC_STYLES + WORKSPACE_PROPOSAL_STYLES },
      ),
    );
  },
);
