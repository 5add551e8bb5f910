import { submitFeeProposal } from '#usecases/submit-fee-proposal';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = bearerHandler({ access: 'agency', params: IdParam }, async ({ params, principal }) =>
  json(202, feeProposalView(await submitFeeProposal(params.id, principal))),
);
