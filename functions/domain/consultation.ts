/**
 * Public consultation (公開徵詢): comments, the agency's dispositions, extensions of the closing
 * date, and the two derived facts shown with each comment: its identity tier and campaign group.
 */
import { createHash } from 'node:crypto';
import * as z from './zod.ts';
import { labelFields } from './field-errors.ts';
import { EmailSchema, IsoDateTimeSchema, nameField, textField } from './common.ts';
import { ConflictError, RuleViolationError, ValidationError } from './errors.ts';
import { FeeItemIdSchema } from './fee-proposal.ts';

export const CommentAuthorSchema = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ z.optional(/* @__PURE__ */ nameField(100)),
  email: /* @__PURE__ */ z.optional(EmailSchema),
  organization: /* @__PURE__ */ z.optional(/* @__PURE__ */ nameField(200)),
});
export type CommentAuthor = z.infer<typeof CommentAuthorSchema>;

/**
 * What one comment and one proposal's consultation may hold: a bound on what anyone can make the
 * service store, list and print in the report, however many comments arrive.
 */
export const COMMENT_LIMITS = {
  /** Characters of one comment. */
  bodyChars: 5000,
  /** Lines of one comment: a page of the report, not a thousand empty lines. */
  bodyLines: 60,
  /** Comments one proposal takes in one consultation round. */
  perRound: 10_000,
} as const;

export const lineCount = (text: string) => text.split('\n').length;

/** The comment form's and body's field labels (field-errors.ts). */
export type CommentLabels = typeof COMMENT_LABELS;
export const COMMENT_LABELS = {
  body: { zh: '意見內容', en: 'Your comment' },
  itemId: { zh: '針對項目', en: 'About' },
  author: { zh: '提出者', en: 'Author' },
  'author.name': { zh: '姓名', en: 'Name' },
  'author.organization': { zh: '機關團體', en: 'Organization' },
  'author.email': { zh: '電子郵件', en: 'E-mail' },
  notify: { zh: '通知我處理進度', en: 'Keep me informed' },
};

export const CommentInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z
    .object({
      body: /* @__PURE__ */ textField(COMMENT_LIMITS.bodyChars).check(
        /* @__PURE__ */ z.refine(
          (s) => lineCount(s) <= COMMENT_LIMITS.bodyLines,
          `At most ${COMMENT_LIMITS.bodyLines} lines.`,
        ),
      ),
      /** The fee item the comment is about; absent for the proposal as a whole. */
      itemId: /* @__PURE__ */ z.optional(FeeItemIdSchema),
      /** Anyone may comment, anonymously too; an absent author is an empty one. */
      author: /* @__PURE__ */ z.prefault(CommentAuthorSchema, {}),
      /**
       * Mail the author when the agency answers the comment, extends the consultation or the decision
       * is published; sent only once the address is confirmed (the comment's verification link).
       */
      notify: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    })
    .check(
      /* @__PURE__ */ z.refine((c) => c.notify !== true || c.author.email !== undefined, {
        path: ['notify'],
        message: 'To be kept informed, give an e-mail address.',
        params: { zh: '如需通知處理進度，請填寫電子郵件。' },
      }),
    ),
  COMMENT_LABELS,
);
export type CommentInput = z.infer<typeof CommentInputSchema>;

export const DispositionKindSchema = /* @__PURE__ */ z.enum(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED']);
export type DispositionKind = z.infer<typeof DispositionKindSchema>;

export const DispositionSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    disposition: DispositionKindSchema,
    /** The agency's reasoned answer, published in the consultation report. */
    reply: /* @__PURE__ */ textField(5000),
  }),
  {
    disposition: { zh: '處理結果', en: 'Disposition' },
    reply: { zh: '回覆說明', en: 'Reply' },
  },
);
export type Disposition = z.infer<typeof DispositionSchema>;

export const ExtensionInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({
    closesAt: IsoDateTimeSchema,
    reason: /* @__PURE__ */ textField(1000),
  }),
  {
    closesAt: { zh: '新的截止時間', en: 'New closing time' },
    reason: { zh: '延長理由', en: 'Reason for the extension' },
  },
);
export type ExtensionInput = z.infer<typeof ExtensionInputSchema>;

export const IdentityTierSchema = /* @__PURE__ */ z.enum(['ORGANIZATION', 'VERIFIED_EMAIL', 'UNVERIFIED']);
export type IdentityTier = z.infer<typeof IdentityTierSchema>;

/** What the tier of a comment is decided from, as stored with it. */
interface TierFacts {
  author: CommentAuthor;
  emailVerified: boolean;
  /** The registered organisation the comment was credited to when taken (see organization.ts). */
  organizationId?: string;
}

/**
 * The tier a comment is shown under. Precedence: ORGANIZATION > VERIFIED_EMAIL > UNVERIFIED.
 * The organisation tier needs a verified address and a match in the organisation register: the
 * name given and the address's domain both registered; otherwise anyone could post in an
 * association's name. `emailVerified` without an address counts for nothing.
 */
export function identityTier(comment: TierFacts): IdentityTier {
  if (!comment.emailVerified || comment.author.email === undefined) return 'UNVERIFIED';
  return comment.organizationId !== undefined ? 'ORGANIZATION' : 'VERIFIED_EMAIL';
}

/**
 * True when a comment names an organisation it is not credited to: the name is shown, marked
 * 「自稱」 self-declared.
 */
export function organizationSelfDeclared(comment: TierFacts): boolean {
  return comment.author.organization !== undefined && identityTier(comment) !== 'ORGANIZATION';
}

/**
 * The text a campaign fingerprint is taken from: NFKC (full-width → half-width, compatibility
 * forms folded), lower case, and no whitespace, punctuation or symbols at all. Removing rather than
 * collapsing them lets 「你好，世界」 and "你好 世界" match, since Chinese text has no word spaces.
 */
export function normalizeForCampaign(body: string): string {
  return body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu, '');
}

/**
 * A fixed-length fingerprint of the normalized body: comments with the same key are copies of one
 * campaign text and are grouped. Hashed so it fits in a key attribute whatever the body's length.
 */
export function campaignKey(body: string): string {
  return createHash('sha256').update(normalizeForCampaign(body), 'utf8').digest('hex');
}

function toMillis(t: string | Date): number {
  return typeof t === 'string' ? Date.parse(t) : t.getTime();
}

/**
 * Refuses an extension that does not move the closing date later (EXTENSION_MUST_MOVE_LATER) or
 * that ends in the past (EXTENSION_IN_PAST), in that order. A valid new date for a consultation
 * whose closing time has already passed would reopen it, which only a new round may do: 409
 * CONSULTATION_CLOSED (the status may lag the clock by the time the workflow takes to close it).
 */
export function checkExtension(
  currentClosesAt: string | Date,
  requestedClosesAt: string | Date,
  now: Date,
): void {
  const current = toMillis(currentClosesAt);
  const requested = toMillis(requestedClosesAt);
  if (Number.isNaN(current) || Number.isNaN(requested) || Number.isNaN(now.getTime())) {
    throw new ValidationError('Closing times must be ISO-8601 instants.', [
      { path: 'closesAt', message: 'Expected an ISO-8601 UTC date-time.' },
    ]);
  }
  if (requested <= current) {
    throw new RuleViolationError(
      'EXTENSION_MUST_MOVE_LATER',
      'An extension must move the closing date later than the current one.',
      [
        {
          path: 'closesAt',
          message: 'Must be after the current closing time.',
          rule: 'EXTENSION_MUST_MOVE_LATER',
        },
      ],
    );
  }
  if (requested <= now.getTime()) {
    throw new RuleViolationError('EXTENSION_IN_PAST', 'The new closing date is in the past.', [
      { path: 'closesAt', message: 'Must be in the future.', rule: 'EXTENSION_IN_PAST' },
    ]);
  }
  if (now.getTime() >= current) {
    throw new ConflictError(
      'CONSULTATION_CLOSED',
      'The consultation has already closed; it can only be reopened by a new round.',
    );
  }
}

/**
 * Extensions together may move the closing date at most `maxTotalDays` past the date first
 * published: the review workflow and its deadlines must stay within what they can wait for.
 */
export function checkExtensionTotal(
  firstClosesAt: string,
  requestedClosesAt: string,
  maxTotalDays: number,
): void {
  if (toMillis(requestedClosesAt) - toMillis(firstClosesAt) <= maxTotalDays * 86_400_000) return;
  const latest = new Date(toMillis(firstClosesAt) + maxTotalDays * 86_400_000).toISOString();
  throw new RuleViolationError(
    'EXTENSION_TOO_LONG',
    `Extensions may move the closing date at most ${maxTotalDays} days past the first one, to ${latest}.`,
    [{ path: 'closesAt', message: `Must be no later than ${latest}.`, rule: 'EXTENSION_TOO_LONG' }],
  );
}

/** A comment still waiting for the agency's answer; the review cannot start while any remain. */
export function awaitsAnswer(comment: { disposition?: unknown }): boolean {
  return comment.disposition === undefined || comment.disposition === null;
}

/** A comment may only target a fee item of the proposal it is about. */
export function checkCommentTarget(itemId: string | undefined, items: readonly { id: string }[]): void {
  if (itemId !== undefined && !items.some((it) => it.id === itemId)) {
    throw new RuleViolationError('UNKNOWN_FEE_ITEM', `The proposal has no fee item '${itemId}'.`, [
      { path: 'itemId', message: 'Not a fee item of this proposal.', rule: 'UNKNOWN_FEE_ITEM' },
    ]);
  }
}
