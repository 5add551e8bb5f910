/**
 * The query strings of the agency's own lists, here rather than in their handlers so that the route
 * table describes them in the OpenAPI document from the same schemas the handlers parse with.
 */
import * as z from './zod.ts';
import { ProposalStatusSchema } from './fee-proposal.ts';
import { LicenseStatusSchema } from './license.ts';

const page = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  /** As the previous page returned it. */
  cursor: z.optional(z.string().check(z.maxLength(2000))),
};

/** `GET /agency/fee-proposals`: every status unless `status` names one. */
export const OwnProposalsQuerySchema = z.object({ status: z.optional(ProposalStatusSchema), ...page });

/** `GET /agency/licenses`: the requests awaiting the agency's payment confirmation unless `status` names another. */
export const OwnLicensesQuerySchema = z.object({
  status: z._default(LicenseStatusSchema, 'AWAITING_PAYMENT'),
  ...page,
});
