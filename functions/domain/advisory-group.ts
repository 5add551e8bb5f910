/**
 * An advisory group (資料開放諮詢小組) and the decision rule it votes under. Members never log in;
 * they act through e-mailed links, so a member is just a name, an address and a seat.
 */
import * as z from './zod.ts';
import { EmailSchema, IdSchema, LocalizedTextSchema, textField } from './common.ts';

export const SeatSchema = z.enum(['CONVENER', 'AGENCY', 'CIVIL_SOCIETY', 'SCHOLAR', 'INDUSTRY']);
export type Seat = z.infer<typeof SeatSchema>;

export const MemberSchema = z.object({
  id: IdSchema,
  name: textField(100),
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

export const DecisionRuleSchema = z
  .object({
    kind: z._default(z.literal('SIMPLE_MAJORITY'), 'SIMPLE_MAJORITY'),
    /** Share of seated (non-recused) members who must cast a vote. */
    quorumFraction: z._default(z.number().check(z.gt(0), z.lte(1)), 0.5),
    votePeriodDays: days(1, 90, 14),
    /** Days before the deadline at which members who have not voted are reminded. */
    reminderLeadDays: days(0, 30, 2),
    /** How many times the deadline moves when the quorum is not met. */
    maxExtensions: days(0, 5, 1),
    extensionDays: days(1, 60, 7),
    /** The review packet must reach members at least this many days before the deadline. */
    packetLeadDays: days(0, 30, 5),
  })
  .check(
    z.refine((r) => r.packetLeadDays <= r.votePeriodDays, {
      path: ['packetLeadDays'],
      message:
        'The packet lead time cannot exceed the vote period, or the packet could never go out in time.',
    }),
    z.refine((r) => r.reminderLeadDays < r.votePeriodDays, {
      path: ['reminderLeadDays'],
      message: 'The reminder must fall inside the vote period.',
    }),
  );
export type DecisionRule = z.infer<typeof DecisionRuleSchema>;

/** The rule a group gets when it declares none. */
export const DEFAULT_DECISION_RULE: DecisionRule = DecisionRuleSchema.parse({});

export const AdvisoryGroupSchema = z
  .object({
    id: IdSchema,
    /** The central second-level agency (or the Executive Yuan) the group advises. */
    agencyId: IdSchema,
    name: LocalizedTextSchema,
    members: z.array(MemberSchema).check(z.minLength(1), z.maxLength(50)),
    decisionRule: z.prefault(DecisionRuleSchema, {}),
  })
  .check(
    z.superRefine((group, ctx) => {
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
