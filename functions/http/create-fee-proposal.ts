import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { draftFeeProposal } from '#usecases/draft-fee-proposal';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { bearerHandler } from './bearer-handler.ts';
import { json } from './types.ts';

export const handler = bearerHandler(
  { access: 'agency', body: FeeProposalInputSchema },
  async ({ body, principal }) => json(201, feeProposalView(await draftFeeProposal(body, principal))),
);
