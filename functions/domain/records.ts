/**
 * Records the service stores beside a proposal: consultation comments and the audit trail.
 * Types only; their rules live in consultation.ts and proposal-status.ts.
 */
import type { Seat } from './advisory-group.ts';
import type { BallotDecision } from './vote-tally.ts';
import type { FeeLawStepKind } from './fee-law-steps.ts';
import type { Lang } from './common.ts';
import type { ReviewPhase } from './review-phase.ts';
export type IdentityTier = 'ORGANIZATION' | 'VERIFIED_EMAIL' | 'UNVERIFIED';
export type DispositionKind = 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

export interface ConsultationComment {
  id: string;
  proposalId: string;
  /** Proposal version and consultation round the comment was made on. */
  proposalVersion: number;
  round: number;
  body: string;
  itemId?: string;
  author: { name?: string; email?: string; organization?: string };
  emailVerified: boolean;
  /** The registered organisation the author was matched to (name and mail domain) when taken. */
  organizationId?: string;
  /** Fingerprint of the normalised text: identical campaign texts share it. */
  campaignKey: string;
  receivedAt: string;
  /** The language the author wrote from (the page's); mails to the author are written in it. */
  lang?: Lang;
  /** The author asked to be mailed the comment's answer, extensions and the decision (confirmed address only). */
  notify?: boolean;
  disposition?: { disposition: DispositionKind; reply: string; answeredAt: string; answeredBy: string };
}

export type ActorKind = 'agency' | 'operator' | 'public' | 'member' | 'system';

/** One entry of the audit trail: who did what, when, on which proposal version. */
export interface AuditEvent {
  id: string;
  proposalId: string;
  at: string;
  actor: { kind: ActorKind; id?: string };
  type: string;
  proposalVersion: number;
  detail?: Record<string, unknown>;
}

/**
 * The input of a review execution. `attempt` counts the operator's restarts (1 for the first run),
 * `part` the executions one attempt was continued in when a wait reached its bound; both name the
 * execution (functions/ports/workflow.ts).
 */
export interface ReviewStart {
  version: number;
  round: number;
  startWith?: ReviewPhase;
  attempt?: number;
  part?: number;
}

/** A workflow step parked until something happens (a deadline, the last answer, the vote). */
export type WaitingStep = 'CONSULTATION_CLOSE' | 'DISPOSITIONS' | 'VOTE';

/**
 * What the service keeps on a proposal besides the fields of the contract: the review workflow's
 * bookkeeping (never shown publicly: it holds a task token) and the published consultation report.
 */
export interface ProposalServiceFields {
  workflow?: {
    executionName: string;
    /** The input the review execution was started with, so a retried submit starts the same one. */
    start?: ReviewStart;
    waiting?: { step: WaitingStep; taskToken: string; since: string; version: number; round: number };
  };
  consultationReport?: {
    round: number;
    version: number;
    publishedAt: string;
    pdfKey: string;
    pdfSha256: string;
    commentCount: number;
  };
  noticePublishedAt?: string;
  /**
   * The audit event of the change that wrote this revision. Without transactions the record and
   * its event are two writes; keeping the event in the record too means a process stopped between
   * them cannot lose it: the next change of the proposal writes it first, and the trail shows it
   * meanwhile. Never shown as a field of the proposal.
   */
  lastEvent?: AuditEvent;
}

/** The advisory vote on one proposal version, as the service runs it. */
export interface ReviewState {
  version: number;
  round: number;
  groupId: string;
  groupName: { zh: string; en: string };
  members: { id: string; name: string; seat: Seat }[];
  rule: {
    quorumFraction: number;
    votePeriodDays: number;
    reminderLeadDays: number;
    maxExtensions: number;
    extensionDays: number;
    packetLeadDays: number;
  };
  opensAt: string;
  deadline: string;
  originalDeadline: string;
  extensions: { deadline: string; at: string; reason: string }[];
  /** Set when the decision is carried out: no ballot of this version can be used after it. */
  closed: boolean;
}

export type DecisionOutcome = 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED' | 'NOT_DECIDED';

/** The published decision: the tally and every member's position by name. */
export interface DecisionRecord {
  version: number;
  outcome: DecisionOutcome;
  tallyOutcome: string;
  tally: {
    seats: number;
    recused: number;
    cast: number;
    quorum: number;
    quorumMet: boolean;
    counts: { APPROVE: number; REJECT: number; REQUEST_CHANGES: number };
  };
  positions: {
    memberId: string;
    name: string;
    seat: Seat;
    decision: BallotDecision | null;
    reason?: string;
    castAt?: string;
  }[];
  decidedAt: string;
  /** The fee items as reviewed: a resubmission that changes any of them needs a new consultation. */
  itemsReviewed: unknown[];
  effectiveFrom?: string;
  reviewBy?: string;
  pdfKey?: string;
  pdfSha256?: string;
  /**
   * The record re-issued after each step of 規費法 §10, in order (the record published with the
   * decision, revision 0, is never changed): each a new PDF under its own key with its own hash.
   */
  revisions?: DecisionRevision[];
}

/** One re-issued decision record. */
export interface DecisionRevision {
  revision: number;
  afterStep: FeeLawStepKind;
  issuedAt: string;
  pdfKey: string;
  pdfSha256: string;
}
