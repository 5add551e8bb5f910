/**
 * GET /agency/proposals: the agency's fee-schedule proposals in every status, newest first, each
 * leading to its page in the workspace, and the button that starts a new one.
 */
import * as z from '#domain/zod';
import { listOwnFeeProposals } from '#usecases/read-fee-proposals';
import { workspacePaths } from '#usecases/workspace-paths';
import { proposalListBody } from '#templates/pages/proposal-status';
import { PUBLIC_STYLES } from '#templates/pages/styles';
import { workspacePage } from '#templates/pages/workspace';
import { frameOf, workspaceGetHandler } from './workspace-handler.ts';
import { workspacePageResult } from './workspace-page-result.ts';

const Query = z.object({ cursor: z.droppedIfInvalid(z.string().check(z.maxLength(2000))) });

export const handler = workspaceGetHandler(
  { access: 'workspace-agency', query: Query },
  async ({ query, principal, session }) => {
    const page = await listOwnFeeProposals({ limit: 50, cursor: query.cursor }, principal);
    return workspacePageResult(
      200,
      workspacePage(
        frameOf(session),
        { zh: '收費基準提案', en: 'Fee-schedule proposals' },
        proposalListBody({
          proposals: page.items.map((p) => ({
            title: p.title,
            status: p.status,
            version: p.version,
            updatedAt: p.updatedAt,
            url: workspacePaths.proposal(p.id),
          })),
          links: {
            new: workspacePaths.newProposal(),
            ...(page.cursor ? { next: `${workspacePaths.proposals()}?cursor=${page.cursor}` } : {}),
          },
        }),
        { current: workspacePaths.proposals(), styles: PUBLIC_STYLES },
      ),
    );
  },
);
