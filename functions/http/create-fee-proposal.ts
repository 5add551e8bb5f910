import { FeeProposalInputSchema } from '#domain/fee-proposal';
import { draftFeeProposal } from '#usecases/draft-fee-proposal';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const handler = httpHandler(
  { access: 'agency', body: FeeProposalInputSchema },
  async ({ body, principal }) => json(201, feeProposalView(await draftFeeProposal(body, principal))),
);
