/**
 * An advisory group (資料開放諮詢小組) and the decision rule it votes under. Members never log in;
 * they act through e-mailed links, so a member is just a name, an address and a seat.
 */
import * as z from 'zod';
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
export const DecisionRuleSchema = z
  .object({
    kind: z.literal('SIMPLE_MAJORITY').default('SIMPLE_MAJORITY'),
    /** Share of seated (non-recused) members who must cast a vote. */
    quorumFraction: z.number().gt(0).max(1).default(0.5),
    votePeriodDays: z.int().min(1).max(90).default(14),
    /** Days before the deadline at which members who have not voted are reminded. */
    reminderLeadDays: z.int().min(0).max(30).default(2),
    /** How many times the deadline moves when the quorum is not met. */
    maxExtensions: z.int().min(0).max(5).default(1),
    extensionDays: z.int().min(1).max(60).default(7),
    /** The review packet must reach members at least this many days before the deadline. */
    packetLeadDays: z.int().min(0).max(30).default(5),
  })
  .refine((r) => r.packetLeadDays <= r.votePeriodDays, {
    path: ['packetLeadDays'],
    message: 'The packet lead time cannot exceed the vote period, or the packet could never go out in time.',
  })
  .refine((r) => r.reminderLeadDays < r.votePeriodDays, {
    path: ['reminderLeadDays'],
    message: 'The reminder must fall inside the vote period.',
  });
export type DecisionRule = z.infer<typeof DecisionRuleSchema>;

/** The rule a group gets when it declares none. */
export const DEFAULT_DECISION_RULE: DecisionRule = DecisionRuleSchema.parse({});

export const AdvisoryGroupSchema = z
  .object({
    id: IdSchema,
    /** The central second-level agency (or the Executive Yuan) the group advises. */
    agencyId: IdSchema,
    name: LocalizedTextSchema,
    members: z.array(MemberSchema).min(1).max(50),
    decisionRule: DecisionRuleSchema.prefault({}),
  })
  .superRefine((group, ctx) => {
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
  });
export type AdvisoryGroup = z.infer<typeof AdvisoryGroupSchema>;
export type AdvisoryGroupInput = z.input<typeof AdvisoryGroupSchema>;
