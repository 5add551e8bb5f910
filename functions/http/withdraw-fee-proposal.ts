import { WithdrawalInputSchema } from '#domain/proposal-status';
import { withdrawFeeProposal } from '#usecases/withdraw-fee-proposal';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', params: IdParam, body: WithdrawalInputSchema },
  async ({ params, body, principal }) =>
    json(200, feeProposalView(await withdrawFeeProposal(params.id, body, principal))),
);
