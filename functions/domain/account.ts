/**
 * Who may act in the workspace, and for which agency: an account, kept by the operators in the
 * registry (the operator console). A person's account decides the Principal of their session;
 * without one, the identity provider's claims do (`cognito:groups`, `custom:agency_id`), so a
 * deployment works before the first account is recorded. An account with no role shuts its person out.
 */
import * as z from './zod.ts';
import { EmailSchema, IdSchema, textField } from './common.ts';
import { ROLES, type Principal, type Role } from './principal.ts';

const SUB_RULE = 'Use 1 to 128 letters, digits or _ @ . : -.';

export const AccountSchema = /* @__PURE__ */ z
  .object({
    /** The identity provider's subject (`sub`): Cognito's user id, the local provider's person. */
    sub: /* @__PURE__ */ z
      .string()
      .check(
        /* @__PURE__ */ z.maxLength(128, { error: SUB_RULE, abort: true }),
        /* @__PURE__ */ z.regex(/^[\w@.:-]{1,128}$/, SUB_RULE),
      ),
    name: /* @__PURE__ */ textField(100),
    email: EmailSchema,
    roles: /* @__PURE__ */ z
      .array(/* @__PURE__ */ z.enum(ROLES as [Role, ...Role[]]))
      .check(/* @__PURE__ */ z.maxLength(1, 'One role per account.')),
    agencyId: /* @__PURE__ */ z.optional(IdSchema),
  })
  .check(
    /* @__PURE__ */ z.refine((a) => !a.roles.includes('agency') || a.agencyId !== undefined, {
      path: ['agencyId'],
      message: 'An agency account names the agency it acts for.',
    }),
    /* @__PURE__ */ z.refine((a) => !a.roles.includes('operator') || a.agencyId === undefined, {
      path: ['agencyId'],
      message: 'An operator acts for no agency.',
    }),
  );
export type Account = z.infer<typeof AccountSchema>;

/** The Principal of a session: the account's roles and agency when there is an account, else the claims'. */
export function sessionPrincipal(fromClaims: Principal, account: Account | undefined): Principal {
  if (!account) return fromClaims;
  return {
    sub: fromClaims.sub,
    roles: [...account.roles],
    ...(account.agencyId ? { agencyId: account.agencyId } : {}),
  };
}
