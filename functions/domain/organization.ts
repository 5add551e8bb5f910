/**
 * The register of organisations (機關團體) whose mail domains the operator has confirmed. A comment
 * is credited to an organisation only when the commenter's verified address is on one of the
 * domains that organisation registered; any other organisation name is shown as self-declared.
 */
import * as z from './zod.ts';
import { DOMAIN_NAME, IdSchema, nameField } from './common.ts';

/** A mail domain as written after the `@`: lower case, at least two labels, no trailing dot. */
export const MailDomainSchema = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.trim(),
    /* @__PURE__ */ z.toLowerCase(),
    /* @__PURE__ */ z.maxLength(253),
    /* @__PURE__ */ z.regex(DOMAIN_NAME, 'A mail domain such as consumers.org.tw, without @.'),
  );

export const OrganizationSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  /** The names a commenter may give for it; either one matches. */
  name: /* @__PURE__ */ z.object({ zh: /* @__PURE__ */ nameField(200), en: /* @__PURE__ */ nameField(200) }),
  /** Every domain the organisation sends mail from; subdomains are not implied. */
  mailDomains: /* @__PURE__ */ z.array(MailDomainSchema).check(
    /* @__PURE__ */ z.minLength(1, 'Register at least one mail domain.'),
    /* @__PURE__ */ z.maxLength(20, 'At most 20 mail domains.'),
    /* @__PURE__ */ z.refine((ds) => new Set(ds).size === ds.length, 'Each mail domain once.'),
  ),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** How names are compared: full-width and half-width alike, case and spacing ignored. */
const comparableName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The registered organisation a commenter may be credited to: one whose name is the one given and
 * whose registered domains include the address's domain. Undefined when either does not match.
 */
export function registeredOrganization(
  author: { email?: string; organization?: string },
  register: readonly Organization[],
): Organization | undefined {
  const { email, organization } = author;
  if (!email || !organization) return undefined;
  const claimed = comparableName(organization);
  const domain = domainOf(email);
  return register.find(
    (o) =>
      (comparableName(o.name.zh) === claimed || comparableName(o.name.en) === claimed) &&
      o.mailDomains.includes(domain),
  );
}
