/**
 * What waits for an agency, computed from the facts of its proposals, schedules and licenses: the
 * dashboard (/agency) presents this and computes nothing itself. Each list is ordered so that what
 * is most pressing comes first.
 */
import type { AgencyText, LocalizedText } from './common.ts';
import { FEE_LAW_STEPS, type FeeLawStepKind } from './fee-law-steps.ts';
import type { ProposalStatus } from './fee-proposal.ts';
import { REVIEW_REMINDER_DAYS } from './fee-schedule.ts';
import { taipeiDayStart } from './taipei-time.ts';

/** A consultation closing within this many days is "closing soon". */
export const CLOSING_SOON_DAYS = 14;
/** How many of the newest certificates the dashboard lists. */
export const RECENT_CERTIFICATES = 10;

const DAY_MS = 86_400_000;

export interface AgendaProposal {
  id: string;
  title: AgencyText;
  status: ProposalStatus;
  consultation?: { closesAt: string };
  /** Comments of the current round without the agency's answer. */
  unanswered: number;
  /** The members' positions of the decision that requested changes (name, reason). */
  decision?: { outcome: string; positions: { name: string; decision: string | null; reason?: string }[] };
  /** The steps of 規費法 §10 recorded so far. */
  feeLawSteps?: { step: FeeLawStepKind }[];
}

export interface AgendaSchedule {
  datasetId: string;
  datasetTitle: LocalizedText;
  proposalId: string;
  title: AgencyText;
  reviewBy?: string;
}

export interface AgendaLicense {
  id: string;
  licensee: { name: string; organization?: string };
  datasetTitle: LocalizedText;
  requestedAt: string;
  totalTwd?: number;
}

export interface AgendaCertificate {
  number: string;
  issuedAt: string;
  licensee: { name: string; organization?: string };
  datasetTitle: LocalizedText;
}

export interface AgendaFacts {
  proposals: readonly AgendaProposal[];
  schedules: readonly AgendaSchedule[];
  awaitingPayment: readonly AgendaLicense[];
  certificates: readonly AgendaCertificate[];
  /** Whether the steps of 規費法 §10 follow a favourable vote in this deployment. */
  feeLawSteps: boolean;
}

type Ref = Pick<AgendaProposal, 'id' | 'title'>;

export interface Agenda {
  commentsToAnswer: (Ref & { unanswered: number })[];
  closingSoon: (Ref & { closesAt: string; daysLeft: number })[];
  changesRequested: (Ref & { reasons: { name: string; reason: string }[] })[];
  stepsToRecord: (Ref & { next: FeeLawStepKind; done: number })[];
  reviewsDue: (AgendaSchedule & { reviewBy: string; daysLeft: number })[];
  awaitingPayment: AgendaLicense[];
  recentCertificates: AgendaCertificate[];
  /** How many things wait in all (certificates are news, not work). */
  count: number;
}

const ref = (p: AgendaProposal): Ref => ({ id: p.id, title: p.title });
const daysUntil = (at: string, now: Date) => Math.ceil((Date.parse(at) - now.getTime()) / DAY_MS);
const byTime =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function agencyAgenda(facts: AgendaFacts, now: Date): Agenda {
  const { proposals } = facts;
  const commentsToAnswer = proposals
    .filter((p) => (p.status === 'IN_CONSULTATION' || p.status === 'AWAITING_RESPONSES') && p.unanswered > 0)
    // Once the consultation closed the review waits on these answers: those first, then the most.
    .sort(
      (a, b) =>
        Number(b.status === 'AWAITING_RESPONSES') - Number(a.status === 'AWAITING_RESPONSES') ||
        b.unanswered - a.unanswered,
    )
    .map((p) => ({ ...ref(p), unanswered: p.unanswered }));

  const closingSoon = proposals
    .filter((p) => p.status === 'IN_CONSULTATION' && p.consultation)
    .map((p) => ({
      ...ref(p),
      closesAt: p.consultation!.closesAt,
      daysLeft: daysUntil(p.consultation!.closesAt, now),
    }))
    .filter((p) => p.daysLeft >= 0 && p.daysLeft <= CLOSING_SOON_DAYS)
    .sort(byTime((p) => p.closesAt));

  const changesRequested = proposals
    .filter((p) => p.status === 'CHANGES_REQUESTED')
    .map((p) => ({
      ...ref(p),
      reasons: (p.decision?.positions ?? [])
        .filter((m) => m.decision === 'REQUEST_CHANGES' && m.reason)
        .map((m) => ({ name: m.name, reason: m.reason! })),
    }));

  const stepsToRecord = facts.feeLawSteps
    ? proposals
        .filter((p) => p.status === 'APPROVED' && (p.feeLawSteps?.length ?? 0) < FEE_LAW_STEPS.length)
        .map((p) => {
          const done = p.feeLawSteps?.length ?? 0;
          return { ...ref(p), next: FEE_LAW_STEPS[done]!, done };
        })
    : [];

  const reviewsDue = facts.schedules
    .filter((s): s is AgendaSchedule & { reviewBy: string } => s.reviewBy !== undefined)
    .map((s) => ({ ...s, daysLeft: daysUntil(taipeiDayStart(s.reviewBy).toISOString(), now) }))
    .filter((s) => s.daysLeft <= REVIEW_REMINDER_DAYS)
    .sort(byTime((s) => s.reviewBy));

  // The longest waiting first: the licensee has been waiting for the agency since then.
  const awaitingPayment = [...facts.awaitingPayment].sort(byTime((l) => l.requestedAt));
  const recentCertificates = [...facts.certificates]
    .sort(byTime((c) => c.issuedAt))
    .reverse()
    .slice(0, RECENT_CERTIFICATES);

  return {
    commentsToAnswer,
    closingSoon,
    changesRequested,
    stepsToRecord,
    reviewsDue,
    awaitingPayment,
    recentCertificates,
    count:
      commentsToAnswer.length +
      closingSoon.length +
      changesRequested.length +
      stepsToRecord.length +
      reviewsDue.length +
      awaitingPayment.length,
  };
}
