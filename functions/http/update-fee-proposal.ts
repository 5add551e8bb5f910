import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { editFeeProposal } from '#usecases/edit-fee-proposal';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', body: FeeProposalInputSchema, params: IdParam },
  async ({ body, params, principal }) =>
    json(200, feeProposalView(await editFeeProposal(params.id, body, principal))),
);
