/**
 * A fee-schedule proposal (收費基準): the request body of `POST /fee-proposals` and the record the
 * service stores and returns. Business rules that need other records (datasets, configuration)
 * live in fee-rules.ts; this file holds only what a body can be checked against on its own.
 */
import * as z from './zod.ts';
import {
  AmountTwdSchema,
  HttpsUrlSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  AgencyTextSchema,
  textField,
  AgencyTitleSchema,
} from './common.ts';
import { FeeLawStepRecordSchema } from './fee-law-steps.ts';

export const CostCategorySchema = /* @__PURE__ */ z.enum([
  'MEDIA',
  'PERSONNEL',
  'PROCESSING',
  'DELIVERY',
  'ANONYMISATION',
  'INDIRECT',
]);
export type CostCategory = z.infer<typeof CostCategorySchema>;

/**
 * Whether a cost line of the category is, unless the line says otherwise, incremental per unit
 * supplied: part of the marginal cost of reproduction, provision and dissemination (EU 2019/1024
 * Art. 6). Staff time per request (retrieval, review, copying: 政府資訊公開法 §22), media, delivery
 * and anonymisation (Art. 6(1)) are; building or customising the data once and overheads are not.
 */
export const INCREMENTAL_BY_DEFAULT: Record<CostCategory, boolean> = {
  MEDIA: true,
  PERSONNEL: true,
  PROCESSING: false,
  DELIVERY: true,
  ANONYMISATION: true,
  INDIRECT: false,
};

/** Whether the line counts toward the marginal cost: its own flag, else its category's default. */
export const isIncremental = (line: Pick<CostLine, 'category' | 'incrementalPerUnit'>): boolean =>
  line.incrementalPerUnit ?? INCREMENTAL_BY_DEFAULT[line.category];

/**
 * Quantities are kept to hundredths so that cost arithmetic can be done exactly in integers. The cap
 * keeps any item's documented cost (30 lines × 10 000 × 100 000 000 TWD, in hundredths) below
 * 2^53, so it is also exact as a JavaScript number.
 */
const MAX_QUANTITY = 10_000;
function hasAtMostTwoDecimals(n: number): boolean {
  const hundredths = n * 100;
  // Tolerance absorbs binary representation (0.29 * 100 = 28.999999999999996), not real decimals.
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
}

export const CostLineSchema = /* @__PURE__ */ z.object({
  category: CostCategorySchema,
  description: /* @__PURE__ */ textField(300),
  /** e.g. hours of personnel time per unit; up to two decimals. */
  quantity: /* @__PURE__ */ z
    .number()
    .check(
      /* @__PURE__ */ z.gt(0),
      /* @__PURE__ */ z.lte(MAX_QUANTITY),
      /* @__PURE__ */ z.refine(hasAtMostTwoDecimals, 'Use at most two decimal places.'),
    ),
  unitCostTwd: AmountTwdSchema,
  /** Overrides the category's default (INCREMENTAL_BY_DEFAULT); needs `incrementalReason`. */
  incrementalPerUnit: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  /** Why this line is (or is not) incremental per unit although its category says otherwise. */
  incrementalReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(500)),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const FeeUnitSchema = /* @__PURE__ */ z.enum([
  'PER_RECORD',
  'PER_FILE',
  'PER_REQUEST',
  'PER_HOUR',
  'PER_GB',
  'PER_PAGE',
]);
export type FeeUnit = z.infer<typeof FeeUnitSchema>;

/** Fee items are named within one proposal, so a one-character id such as `a` is enough. */
export const FeeItemIdSchema = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.regex(
      /^[a-z0-9][a-z0-9-]{0,39}$/,
      'Use 1 to 40 lowercase letters, digits or hyphens, not starting with a hyphen.',
    ),
  );

export const FeeItemSchema = /* @__PURE__ */ z.object({
  id: FeeItemIdSchema,
  name: AgencyTextSchema,
  unit: FeeUnitSchema,
  /** The unit charge, in whole New Taiwan dollars. */
  amountTwd: AmountTwdSchema,
  costLines: /* @__PURE__ */ z
    .array(CostLineSchema)
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(30)),
  /** Why the charge exceeds the marginal cost; required by fee-rules.ts when it does. */
  exceptionReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(1000)),
  /** The most units one license request may ask for (e.g. sheets of a map series). */
  maxQuantity: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1_000_000)),
  ),
});
export type FeeItem = z.infer<typeof FeeItemSchema>;

export const PaymentMethodSchema = /* @__PURE__ */ z.enum([
  'BANK_TRANSFER',
  'POSTAL_TRANSFER',
  'COUNTER',
  'ONLINE',
]);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/**
 * How a licensee pays under the schedule: each way with its details (account or counter), and
 * the payee. The quote page and mail add the reference to quote (the license request number).
 */
export const PaymentInstructionsSchema = /* @__PURE__ */ z.object({
  payee: AgencyTextSchema,
  methods: /* @__PURE__ */ z
    .array(
      /* @__PURE__ */ z.object({
        method: PaymentMethodSchema,
        /** e.g. bank, branch and account number; or the counter's address and opening hours. */
        details: AgencyTextSchema,
      }),
    )
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(5)),
});
export type PaymentInstructions = z.infer<typeof PaymentInstructionsSchema>;

export const PurposeSchema = /* @__PURE__ */ z.enum([
  'COMMERCIAL',
  'NON_COMMERCIAL',
  'ACADEMIC',
  'PUBLIC_INTEREST',
]);
export type Purpose = z.infer<typeof PurposeSchema>;

/**
 * A function, not `PurposeSchema.options.length` where it is used: a property read at module scope
 * is one the bundler must keep, and with it every schema of this module.
 */
function purposeCount(): number {
  return PurposeSchema.options.length;
}

export const ReductionSchema = /* @__PURE__ */ z.object({
  purpose: PurposeSchema,
  percent: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)),
});
export type Reduction = z.infer<typeof ReductionSchema>;

/** The four points of necessity the 2013 principles ask an agency to address before charging. */
export const JustificationSchema = /* @__PURE__ */ z.object({
  publicInterest: /* @__PURE__ */ textField(3000),
  privacyAndTradeSecrets: /* @__PURE__ */ textField(3000),
  costOfProduction: /* @__PURE__ */ textField(3000),
  rightsHeld: /* @__PURE__ */ textField(3000),
});
export type Justification = z.infer<typeof JustificationSchema>;

const feeProposalInputShape = {
  agencyId: IdSchema,
  datasetIds: /* @__PURE__ */ z
    .array(IdSchema)
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(50)),
  title: AgencyTitleSchema,
  justification: JustificationSchema,
  /** 法令依據, published with the schedule. */
  legalBasis: /* @__PURE__ */ textField(1000),
  /** 計費說明網址. */
  explanationUrl: /* @__PURE__ */ z.optional(HttpsUrlSchema),
  items: /* @__PURE__ */ z
    .array(FeeItemSchema)
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(50)),
  /** How licensees pay; shown on every quote under this schedule. */
  paymentInstructions: /* @__PURE__ */ z.optional(PaymentInstructionsSchema),
  reductions: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z
      .array(ReductionSchema)
      .check(/* @__PURE__ */ z.maxLength(/* @__PURE__ */ purposeCount())),
    [],
  ),
  effectiveFrom: IsoDateSchema,
  /** Absent means the configured default (60 days); shorter needs `urgencyReason`. */
  consultationDays: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(180)),
  ),
  urgencyReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(1000)),
};

function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const repeated: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) repeated.push(i);
    seen.add(v);
  });
  return repeated;
}

/** Uniqueness checks shared by the input and the stored record. */
function refineUniqueness(
  p: { datasetIds: string[]; items: { id: string }[]; reductions: { purpose: string }[] },
  ctx: z.core.$RefinementCtx,
): void {
  for (const i of duplicates(p.datasetIds)) {
    ctx.addIssue({
      code: 'custom',
      path: ['datasetIds', i],
      message: `Dataset '${p.datasetIds[i]}' is listed twice.`,
    });
  }
  for (const i of duplicates(p.items.map((it) => it.id))) {
    ctx.addIssue({
      code: 'custom',
      path: ['items', i, 'id'],
      message: `Fee item id '${p.items[i]?.id}' is used twice.`,
    });
  }
  // Two rates for one purpose would leave the charge ambiguous.
  for (const i of duplicates(p.reductions.map((r) => r.purpose))) {
    ctx.addIssue({
      code: 'custom',
      path: ['reductions', i, 'purpose'],
      message: `A reduction for ${p.reductions[i]?.purpose} is declared twice.`,
    });
  }
}

export const FeeProposalInputSchema = /* @__PURE__ */ z
  .object(feeProposalInputShape)
  .check(/* @__PURE__ */ z.superRefine(refineUniqueness));
export type FeeProposalInput = z.infer<typeof FeeProposalInputSchema>;

export const ProposalStatusSchema = /* @__PURE__ */ z.enum([
  'DRAFT',
  'IN_CONSULTATION',
  'AWAITING_RESPONSES',
  'UNDER_REVIEW',
  'APPROVED',
  'REJECTED',
  'CHANGES_REQUESTED',
  'NOT_DECIDED',
  'ANNOUNCED',
  'EFFECTIVE',
  'WITHDRAWN',
]);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

export const ConsultationExtensionSchema = /* @__PURE__ */ z.object({
  previousClosesAt: IsoDateTimeSchema,
  closesAt: IsoDateTimeSchema,
  reason: /* @__PURE__ */ textField(1000),
  at: IsoDateTimeSchema,
});
export type ConsultationExtension = z.infer<typeof ConsultationExtensionSchema>;

export const ConsultationSchema = /* @__PURE__ */ z.object({
  /** A material revision reopens consultation as a new round; comments belong to a round. */
  round: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  opensAt: IsoDateTimeSchema,
  closesAt: IsoDateTimeSchema,
  days: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  shortenedReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ textField(1000)),
  extensions: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(ConsultationExtensionSchema), []),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

export const FeeProposalSchema = /* @__PURE__ */ z
  .object({
    ...feeProposalInputShape,
    id: IdSchema,
    status: ProposalStatusSchema,
    /** Bumped on every edit; ballots are bound to one version. */
    version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
    submittedAt: /* @__PURE__ */ z.optional(IsoDateTimeSchema),
    consultation: /* @__PURE__ */ z.optional(ConsultationSchema),
    /** Latest date the approved schedule must be reviewed again. */
    reviewBy: /* @__PURE__ */ z.optional(IsoDateSchema),
    /** The steps of 規費法 §10 recorded after a favourable vote, in order (fee-law-steps.ts). */
    feeLawSteps: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(FeeLawStepRecordSchema)),
    // The vote (`review`) and the `decision` are the service's records, typed in records.ts.
  })
  .check(/* @__PURE__ */ z.superRefine(refineUniqueness));
export type FeeProposal = z.infer<typeof FeeProposalSchema>;

function canonicalItem(item: FeeItem): string {
  const lines = item.costLines
    .map((l) => JSON.stringify([l.category, l.description, l.quantity, l.unitCostTwd, isIncremental(l)]))
    .sort();
  return JSON.stringify([
    item.unit,
    item.amountTwd,
    lines,
    item.exceptionReason ?? null,
    item.maxQuantity ?? null,
  ]);
}

/** What changed in a fee table from one version to the next, item by item (matched by id). */
export interface FeeTableChanges {
  added: FeeItem[];
  removed: FeeItem[];
  /** The same item at another charge (as it now reads, and the charge before). */
  amounts: { item: FeeItem; fromTwd: number }[];
  /** The same item at the same charge whose unit, cost lines, exception reason or maximum changed. */
  otherwise: FeeItem[];
}

/** The changes from `before` to `after`; reordering items or cost lines is not a change. */
export function feeTableChanges(before: readonly FeeItem[], after: readonly FeeItem[]): FeeTableChanges {
  const previous = new Map(before.map((it) => [it.id, it]));
  const kept = new Set(after.map((it) => it.id));
  const changes: FeeTableChanges = {
    added: [],
    removed: before.filter((it) => !kept.has(it.id)),
    amounts: [],
    otherwise: [],
  };
  for (const item of after) {
    const was = previous.get(item.id);
    if (!was) changes.added.push(item);
    else if (was.amountTwd !== item.amountTwd) changes.amounts.push({ item, fromTwd: was.amountTwd });
    else if (canonicalItem(was) !== canonicalItem(item)) changes.otherwise.push(item);
  }
  return changes;
}

export const hasFeeTableChanges = (c: FeeTableChanges): boolean =>
  c.added.length + c.removed.length + c.amounts.length + c.otherwise.length > 0;

/**
 * True when the fee table changed in substance: an item added or removed, or an item's unit,
 * charge, cost lines or exception reason changed. Such a revision goes back to public
 * consultation; anything else (titles, names, justification wording) goes straight to a new vote.
 * Reordering items or cost lines is not a change.
 */
export function isMaterialRevision(before: { items: FeeItem[] }, after: { items: FeeItem[] }): boolean {
  // Defensive: with a repeated id, matching by id alone could hide a removed item.
  if (new Set(after.items.map((it) => it.id)).size !== after.items.length) return true;
  return hasFeeTableChanges(feeTableChanges(before.items, after.items));
}
