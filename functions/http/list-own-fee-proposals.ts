import { OwnProposalsQuerySchema } from '#domain/desk-queries';
import { listOwnFeeProposals } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { bearerGetHandler } from './bearer-handler.ts';
import { json } from './types.ts';

/** The calling agency's proposals in every status, or in the one `?status=` names; newest first. */
export const handler = bearerGetHandler(
  { access: 'agency', query: OwnProposalsQuerySchema },
  async ({ query, principal }) => {
    const page = await listOwnFeeProposals(query, principal);
    return json(200, { items: page.items.map(feeProposalView), cursor: page.cursor });
  },
);
