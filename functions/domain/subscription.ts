/**
 * Following the consultations by mail (訂閱): an address subscribes to one topic —
 * - every new consultation (no dataset or proposal named);
 * - new consultations on one dataset (`datasetId`);
 * - one proposal (`proposalId`): its extensions, its consultation report and its decision.
 * A subscription starts only when the address confirms it from the mail it is sent (double opt-in),
 * and every mail it brings carries a link (and the List-Unsubscribe header) that ends it.
 */
import * as z from './zod.ts';
import { labelFields } from './field-errors.ts';
import { EmailSchema, IdSchema } from './common.ts';

export const SUBSCRIPTION_LABELS = {
  email: { zh: '電子郵件', en: 'E-mail' },
  datasetId: { zh: '資料集', en: 'Dataset' },
  proposalId: { zh: '提案', en: 'Proposal' },
};

export const SubscriptionRequestSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z
    .object({
      email: EmailSchema,
      datasetId: /* @__PURE__ */ z.optional(IdSchema),
      proposalId: /* @__PURE__ */ z.optional(IdSchema),
    })
    .check(
      /* @__PURE__ */ z.refine((s) => s.datasetId === undefined || s.proposalId === undefined, {
        path: ['proposalId'],
        message: 'Follow either a dataset or a proposal, not both at once.',
        params: { zh: '請擇一訂閱資料集或提案，不可同時指定。' },
      }),
    ),
  SUBSCRIPTION_LABELS,
);
export type SubscriptionRequest = z.infer<typeof SubscriptionRequestSchema>;

export type SubscriptionTopic =
  { kind: 'ALL' } | { kind: 'DATASET'; datasetId: string } | { kind: 'PROPOSAL'; proposalId: string };

export function topicOf(request: { datasetId?: string; proposalId?: string }): SubscriptionTopic {
  if (request.proposalId !== undefined) return { kind: 'PROPOSAL', proposalId: request.proposalId };
  if (request.datasetId !== undefined) return { kind: 'DATASET', datasetId: request.datasetId };
  return { kind: 'ALL' };
}

/** The topics a new consultation on these datasets reaches: every-consultation and each dataset's. */
export function newConsultationTopics(datasetIds: readonly string[]): SubscriptionTopic[] {
  return [
    { kind: 'ALL' },
    ...[...new Set(datasetIds)].map((datasetId) => ({ kind: 'DATASET' as const, datasetId })),
  ];
}

/** Addresses compare without case, as mail systems treat them. */
export const subscriberKey = (email: string) => email.trim().toLowerCase();

export type SubscriptionStatus = 'PENDING' | 'ACTIVE' | 'ENDED';

export interface Subscription {
  topic: SubscriptionTopic;
  /** As given; mails go to it. */
  email: string;
  status: SubscriptionStatus;
  /** The language the subscriber asked in; their mails are written in it (both when absent). */
  lang?: 'zh' | 'en';
  requestedAt: string;
  confirmedAt?: string;
  endedAt?: string;
}
