/**
 * The query strings of the agency's own lists, here rather than in their handlers so that the route
 * table describes them in the OpenAPI document from the same schemas the handlers parse with.
 */
import * as z from './zod.ts';
import { ProposalStatusSchema } from './fee-proposal.ts';
import { LicenseStatusSchema } from './license.ts';

// Each list names the two paging fields itself: spreading a shared object of them is a step the
// bundler must keep, and with it every schema of this module and those it imports.
const PageLimitSchema = /* @__PURE__ */ z._default(
  /* @__PURE__ */ z.coerce
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)),
  20,
);
/** As the previous page returned it. */
const PageCursorSchema = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(2000)),
);

/** `GET /agency/fee-proposals`: every status unless `status` names one. */
export const OwnProposalsQuerySchema = /* @__PURE__ */ z.object({
  status: /* @__PURE__ */ z.optional(ProposalStatusSchema),
  limit: PageLimitSchema,
  cursor: PageCursorSchema,
});

/** `GET /agency/licenses`: the requests awaiting the agency's payment confirmation unless `status` names another. */
export const OwnLicensesQuerySchema = /* @__PURE__ */ z.object({
  status: /* @__PURE__ */ z._default(LicenseStatusSchema, 'AWAITING_PAYMENT'),
  limit: PageLimitSchema,
  cursor: PageCursorSchema,
});
