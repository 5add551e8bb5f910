/**
 * The life cycle of a fee proposal (api.md "Statuses"), as one transition table. Every status
 * change in the service goes through `nextStatus`, so a handler or workflow step cannot invent one.
 */
import * as z from './zod.ts';
import { ConflictError } from './errors.ts';
import { textField } from './common.ts';
import { labelFields } from './field-errors.ts';
import { ProposalStatusSchema, type ProposalStatus } from './fee-proposal.ts';

export const ProposalEventSchema = /* @__PURE__ */ z.enum([
  'SUBMIT',
  'CLOSE_CONSULTATION',
  'OPEN_REVIEW',
  'APPROVE',
  'REJECT',
  'REQUEST_CHANGES',
  'NOT_DECIDE',
  'EDIT',
  'RESUBMIT_MATERIAL',
  'RESUBMIT_MINOR',
  'ANNOUNCE',
  'TAKE_EFFECT',
  'WITHDRAW',
]);
export type ProposalEvent = z.infer<typeof ProposalEventSchema>;

/** From each status, the events it accepts and where they lead. A missing entry is illegal. */
const TRANSITIONS: Record<ProposalStatus, Partial<Record<ProposalEvent, ProposalStatus>>> = {
  DRAFT: { SUBMIT: 'IN_CONSULTATION', EDIT: 'DRAFT', WITHDRAW: 'WITHDRAWN' },
  IN_CONSULTATION: { CLOSE_CONSULTATION: 'AWAITING_RESPONSES', WITHDRAW: 'WITHDRAWN' },
  AWAITING_RESPONSES: { OPEN_REVIEW: 'UNDER_REVIEW', WITHDRAW: 'WITHDRAWN' },
  UNDER_REVIEW: {
    APPROVE: 'APPROVED',
    REJECT: 'REJECTED',
    REQUEST_CHANGES: 'CHANGES_REQUESTED',
    NOT_DECIDE: 'NOT_DECIDED',
    WITHDRAW: 'WITHDRAWN',
  },
  CHANGES_REQUESTED: {
    EDIT: 'CHANGES_REQUESTED',
    RESUBMIT_MATERIAL: 'IN_CONSULTATION',
    RESUBMIT_MINOR: 'UNDER_REVIEW',
    WITHDRAW: 'WITHDRAWN',
  },
  // With the steps of 規費法 §10 (the default) the agency announces the schedule, which then takes
  // effect on its date; a deployment without them goes from APPROVED to EFFECTIVE directly.
  APPROVED: { ANNOUNCE: 'ANNOUNCED', TAKE_EFFECT: 'EFFECTIVE' },
  ANNOUNCED: { TAKE_EFFECT: 'EFFECTIVE' },
  REJECTED: {},
  NOT_DECIDED: {},
  EFFECTIVE: {},
  WITHDRAWN: {},
};

/** 409 ILLEGAL_TRANSITION: the proposal is not in a status that accepts this event. */
export class IllegalTransitionError extends ConflictError {
  readonly from: ProposalStatus;
  readonly event: ProposalEvent;
  constructor(from: ProposalStatus, event: ProposalEvent) {
    const allowed = Object.keys(TRANSITIONS[from]);
    super(
      'ILLEGAL_TRANSITION',
      `A proposal in status ${from} cannot take the event ${event}` +
        (allowed.length > 0 ? ` (it accepts ${allowed.join(', ')}).` : '; no further change is possible.'),
    );
    this.from = from;
    this.event = event;
  }
}

export function canTransition(from: ProposalStatus, event: ProposalEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** The status after `event`, or IllegalTransitionError. */
export function nextStatus(from: ProposalStatus, event: ProposalEvent): ProposalStatus {
  const to = TRANSITIONS[from][event];
  if (to === undefined) throw new IllegalTransitionError(from, event);
  return to;
}

/** Events a proposal in `from` accepts, e.g. to offer only the actions that can succeed. */
export function allowedEvents(from: ProposalStatus): ProposalEvent[] {
  return ProposalEventSchema.options.filter((e) => canTransition(from, e));
}

/**
 * Statuses in which a workflow execution is driving the proposal (timers, reminders, ballots).
 * DRAFT and CHANGES_REQUESTED wait on the agency, not on a workflow; APPROVED only waits for its
 * effective date, which a scheduler handles.
 */
export const OPEN_STATUSES: readonly ProposalStatus[] = [
  'IN_CONSULTATION',
  'AWAITING_RESPONSES',
  'UNDER_REVIEW',
];

/** `POST /fee-proposals/{id}/withdraw`: why the agency withdraws a submitted proposal, shown on its public trail. */
export type WithdrawalLabels = typeof WITHDRAWAL_LABELS;
export const WITHDRAWAL_LABELS = { reason: { zh: '撤回理由', en: 'Reason for withdrawing' } };
export const WithdrawalInputSchema = /* @__PURE__ */ labelFields(
  /* @__PURE__ */ z.object({ reason: /* @__PURE__ */ textField(1000) }),
  WITHDRAWAL_LABELS,
);
export type WithdrawalInput = z.infer<typeof WithdrawalInputSchema>;

/** Statuses with no way out. */
export const TERMINAL_STATUSES: readonly ProposalStatus[] =
  /* @__PURE__ */ ProposalStatusSchema.options.filter((s) => allowedEvents(s).length === 0);

/** A draft is the agency's private work; everything after submission is public. */
export function isPublicStatus(status: ProposalStatus): boolean {
  return status !== 'DRAFT';
}

/** Whether anyone may see this proposal: submitted once, that is (a draft withdrawn unsubmitted stays private). */
export function isPublicProposal(p: { status: ProposalStatus; submittedAt?: string }): boolean {
  return isPublicStatus(p.status) && (p.status !== 'WITHDRAWN' || p.submittedAt !== undefined);
}

export const PUBLIC_STATUSES: readonly ProposalStatus[] =
  /* @__PURE__ */ ProposalStatusSchema.options.filter(isPublicStatus);
