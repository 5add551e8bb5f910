/**
 * Agencies form a tree under the central second-level agencies; a proposal is reviewed by the
 * advisory group of its agency's second-level ancestor, so lower agencies inherit that group.
 */
import * as z from './zod.ts';
import { EmailSchema, IdSchema, LocalizedTextSchema } from './common.ts';
import { RuleViolationError } from './errors.ts';

export const AgencySchema = /* @__PURE__ */ z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    /** Absent for a central second-level agency, the top of its own tree. */
    parentId: /* @__PURE__ */ z.optional(IdSchema),
    /** Where the service mails the agency (consultation notices, comments to answer, outcomes). */
    contactEmail: /* @__PURE__ */ z.optional(EmailSchema),
  })
  .check(
    /* @__PURE__ */ z.refine((a) => a.parentId !== a.id, {
      path: ['parentId'],
      message: 'An agency cannot be its own parent.',
    }),
  );
export type Agency = z.infer<typeof AgencySchema>;

/**
 * The central second-level agency above `agencyId` (itself when it has no parent).
 * `parentOf` answers from whatever the caller has loaded; a parent it does not know is treated as
 * the top, because deciding whether a missing agency is an error belongs to the caller.
 * Throws AGENCY_TREE_CYCLE rather than looping when bad data makes the tree circular.
 */
export function secondLevelAgencyId(agencyId: string, parentOf: (id: string) => string | undefined): string {
  const seen = new Set<string>([agencyId]);
  let current = agencyId;
  for (let parent = parentOf(current); parent !== undefined; parent = parentOf(current)) {
    if (seen.has(parent)) {
      throw new RuleViolationError(
        'AGENCY_TREE_CYCLE',
        `The agency tree above '${agencyId}' loops back to '${parent}'; fix the parent links.`,
        [{ path: 'parentId', message: `Cycle: ${[...seen, parent].join(' → ')}`, rule: 'AGENCY_TREE_CYCLE' }],
      );
    }
    seen.add(parent);
    current = parent;
  }
  return current;
}
