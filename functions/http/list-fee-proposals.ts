import * as z from '#domain/zod';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import { IdSchema } from '#domain/common';
import { listFeeProposals } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpGetHandler } from './handler.ts';
import { json } from './types.ts';

export const ListFeeProposalsQuery = z.object({
  status: z._default(ProposalStatusSchema, 'IN_CONSULTATION'),
  agencyId: z.optional(IdSchema),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const handler = httpGetHandler(
  { access: 'public', query: ListFeeProposalsQuery },
  async ({ query }) => {
    const page = await listFeeProposals(query);
    return json(200, { items: page.items.map(feeProposalView), cursor: page.cursor });
  },
);
