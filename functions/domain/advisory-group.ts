/**
 * An advisory group (資料開放諮詢小組) and the decision rule it votes under. Members never log in;
 * they act through e-mailed links, so a member is just a name, an address and a seat.
 */
import * as z from './zod.ts';
import { EmailSchema, IdSchema, LocalizedTextSchema, textField } from './common.ts';

export const SeatSchema = /* @__PURE__ */ z.enum([
  'CONVENER',
  'AGENCY',
  'CIVIL_SOCIETY',
  'SCHOLAR',
  'INDUSTRY',
]);
export type Seat = z.infer<typeof SeatSchema>;

export const MemberSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  name: /* @__PURE__ */ textField(100),
  email: EmailSchema,
  seat: SeatSchema,
});
export type Member = z.infer<typeof MemberSchema>;

/**
 * Defaults follow the groups' operating guidelines (quorum of half the seats, packet 5 days before
 * the deadline, one extension when the quorum fails); the rest are this project's choices and are
 * configurable per group.
 */
/** A whole number of days from `min` to `max`, `fallback` when absent. */
const days = (min: number, max: number, fallback: number) =>
  z._default(z.int().check(z.gte(min), z.lte(max)), fallback);

export const DecisionRuleSchema = /* @__PURE__ */ z
  .object({
    kind: /* @__PURE__ */ z._default(/* @__PURE__ */ z.literal('SIMPLE_MAJORITY'), 'SIMPLE_MAJORITY'),
    /** Share of seated (non-recused) members who must cast a vote. */
    quorumFraction: /* @__PURE__ */ z._default(
      /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gt(0), /* @__PURE__ */ z.lte(1)),
      0.5,
    ),
    votePeriodDays: /* @__PURE__ */ days(1, 90, 14),
    /** Days before the deadline at which members who have not voted are reminded. */
    reminderLeadDays: /* @__PURE__ */ days(0, 30, 2),
    /** How many times the deadline moves when the quorum is not met. */
    maxExtensions: /* @__PURE__ */ days(0, 5, 1),
    extensionDays: /* @__PURE__ */ days(1, 60, 7),
    /** The review packet must reach members at least this many days before the deadline. */
    packetLeadDays: /* @__PURE__ */ days(0, 30, 5),
  })
  .check(
    /* @__PURE__ */ z.refine((r) => r.packetLeadDays <= r.votePeriodDays, {
      path: ['packetLeadDays'],
      message:
        'The packet lead time cannot exceed the vote period, or the packet could never go out in time.',
    }),
    /* @__PURE__ */ z.refine((r) => r.reminderLeadDays < r.votePeriodDays, {
      path: ['reminderLeadDays'],
      message: 'The reminder must fall inside the vote period.',
    }),
  );
export type DecisionRule = z.infer<typeof DecisionRuleSchema>;

/** The rule a group gets when it declares none. */
export const DEFAULT_DECISION_RULE: DecisionRule = /* @__PURE__ */ DecisionRuleSchema.parse({});

export const AdvisoryGroupSchema = /* @__PURE__ */ z
  .object({
    id: IdSchema,
    /** The central second-level agency (or the Executive Yuan) the group advises. */
    agencyId: IdSchema,
    name: LocalizedTextSchema,
    members: /* @__PURE__ */ z
      .array(MemberSchema)
      .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(50)),
    decisionRule: /* @__PURE__ */ z.prefault(DecisionRuleSchema, {}),
  })
  .check(
    /* @__PURE__ */ z.superRefine((group, ctx) => {
      // Ballots and e-mails are keyed by member id and address; duplicates would let one person vote twice.
      const ids = new Set<string>();
      const emails = new Set<string>();
      group.members.forEach((m, i) => {
        if (ids.has(m.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['members', i, 'id'],
            message: `Member id '${m.id}' is listed twice.`,
          });
        }
        ids.add(m.id);
        const email = m.email.toLowerCase();
        if (emails.has(email)) {
          ctx.addIssue({
            code: 'custom',
            path: ['members', i, 'email'],
            message: `E-mail '${m.email}' is already used by another member.`,
          });
        }
        emails.add(email);
      });
    }),
  );
export type AdvisoryGroup = z.infer<typeof AdvisoryGroupSchema>;
export type AdvisoryGroupInput = z.input<typeof AdvisoryGroupSchema>;
