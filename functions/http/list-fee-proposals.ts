import * as z from 'zod';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import { IdSchema } from '#domain/common';
import { listFeeProposals } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

export const ListFeeProposalsQuery = z.object({
  status: ProposalStatusSchema.default('IN_CONSULTATION'),
  agencyId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

export const handler = httpHandler({ access: 'public', query: ListFeeProposalsQuery }, async ({ query }) => {
  const page = await listFeeProposals(query);
  return json(200, { items: page.items.map(feeProposalView), cursor: page.cursor });
});
