import * as z from '#domain/zod';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import { listOwnFeeProposals } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

const Query = z.object({
  status: z._default(ProposalStatusSchema, 'DRAFT'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

/** The calling agency's proposals in one status (drafts by default), newest first. */
export const handler = httpHandler({ access: 'agency', query: Query }, async ({ query, principal }) => {
  const page = await listOwnFeeProposals(query, principal);
  return json(200, { items: page.items.map(feeProposalView), cursor: page.cursor });
});
