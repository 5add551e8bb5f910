/**
 * What the operator console shows of reviews: the stopped ones an operator may restart, and where
 * one review stands (stopped, running, not in review). A stop is recorded only on the proposal's
 * trail (REVIEW_STOPPED naming the execution, by the workflow's Catch path or the status-change
 * rule), so the proposals in a reviewing status are read by status and each one's trail by its own
 * partition: Queries only, over the few dozen proposals in review at any time.
 */
import type { FeeProposal } from '#domain/fee-proposal';
import { NotFoundError } from '#domain/errors';
import type { AuditEvent } from '#domain/records';
import { REVIEW_RESTARTED, REVIEWING_STATUSES, restartPhase } from '#domain/review-phase';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';

/** Where a restart enters the review: a phase of review-phase.ts, or the consultation notice. */
export type RestartFrom = NonNullable<ReturnType<typeof restartPhase>> | 'CONSULTATION_NOTICE';

interface ReviewOf {
  proposalId: string;
  title: FeeProposal['title'];
  agencyId: string;
  status: string;
  version: number;
  /** The current execution's name. */
  execution: string;
  attempt: number;
}

export interface StoppedReview extends ReviewOf {
  stoppedAt: string;
  /** The error the stop was recorded with (a step's error name, or TIMED_OUT, ABORTED). */
  error: string;
  cause: string;
  restartFrom: RestartFrom;
}

export type ReviewStanding =
  | { state: 'STOPPED'; review: StoppedReview }
  /** `restarted`: the operator's restart that started the current execution, if one did. */
  | {
      state: 'RUNNING';
      review: ReviewOf;
      restarted?: { at: string; reason: string; from: string };
    }
  | { state: 'NOT_IN_REVIEW'; proposalId: string; title: FeeProposal['title']; status: string };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function standingOf(proposal: ProposalRecord, events: readonly AuditEvent[]): ReviewStanding {
  const phase = restartPhase(proposal);
  const execution = proposal.workflow?.executionName;
  if (phase === null || !execution)
    return {
      state: 'NOT_IN_REVIEW',
      proposalId: proposal.id,
      title: proposal.title,
      status: proposal.status,
    };
  const review: ReviewOf = {
    proposalId: proposal.id,
    title: proposal.title,
    agencyId: proposal.agencyId,
    status: proposal.status,
    version: proposal.version,
    execution,
    attempt: proposal.workflow?.start?.attempt ?? 1,
  };
  const ofThis = (type: string) =>
    events.findLast((e) => e.type === type && e.detail?.execution === execution);
  const stopped = ofThis('REVIEW_STOPPED');
  if (stopped)
    return {
      state: 'STOPPED',
      review: {
        ...review,
        stoppedAt: stopped.at,
        error: text(stopped.detail?.error),
        cause: text(stopped.detail?.cause),
        restartFrom: phase ?? 'CONSULTATION_NOTICE',
      },
    };
  const restarted = ofThis(REVIEW_RESTARTED);
  return {
    state: 'RUNNING',
    review,
    ...(restarted
      ? {
          restarted: {
            at: restarted.at,
            reason: text(restarted.detail?.reason),
            from: text(restarted.detail?.from),
          },
        }
      : {}),
  };
}

/** Where the review of proposal `id` stands; 404 for an unknown proposal. */
export async function reviewStanding(id: string): Promise<ReviewStanding> {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  return standingOf(found.value, await proposalRepository.listEvents(id));
}

/** Every review in a reviewing status whose current execution stopped, the earliest stop first. */
export async function listStoppedReviews(): Promise<StoppedReview[]> {
  const inReview: ProposalRecord[] = [];
  for (const status of REVIEWING_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await proposalRepository.listByStatus(status, { cursor });
      // The stored items are whole records (the workflow's bookkeeping included).
      inReview.push(...(page.items as ProposalRecord[]));
      cursor = page.cursor;
    } while (cursor);
  }
  const standings = await Promise.all(
    inReview.map(async (p) => standingOf(p, await proposalRepository.listEvents(p.id))),
  );
  return standings
    .flatMap((s) => (s.state === 'STOPPED' ? [s.review] : []))
    .sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
}
