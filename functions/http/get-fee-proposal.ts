import { readFeeProposal } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

export const handler = httpGetHandler({ access: 'public', params: IdParam }, async ({ params, principal }) =>
  json(200, feeProposalView((await readFeeProposal(params.id, principal)).value)),
);
