import * as z from 'zod';
import { ProposalStatusSchema } from '#domain/fee-proposal';
import { listOwnFeeProposals } from '#usecases/read-fee-proposals';
import { feeProposalView } from '#usecases/fee-proposal-view';
import { httpHandler } from './handler.ts';
import { json } from './types.ts';

const Query = z.object({
  status: ProposalStatusSchema.default('DRAFT'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

/** The calling agency's proposals in one status (drafts by default), newest first. */
export const handler = httpHandler({ access: 'agency', query: Query }, async ({ query, principal }) => {
  const page = await listOwnFeeProposals(query, principal);
  return json(200, { items: page.items.map(feeProposalView), cursor: page.cursor });
});
