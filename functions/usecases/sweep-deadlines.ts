/**
 * The safety net under the deadline schedules: every hour, each proposal whose stored deadline
 * passed more than a grace period ago is fired again through the same `fireDeadline` the schedule
 * invokes. Every kind re-reads the proposal and acts only if its step has not happened, so a sweep
 * after a schedule that did fire changes nothing; one after a schedule that was lost (refused,
 * dead-lettered, deleted) moves the review on. Queries by status only (no Scan).
 */
import type { DeadlinePayload } from '#ports/scheduler';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { effectiveInstant } from './take-effect.ts';
import { fireDeadline } from './deadlines.ts';
import type { DeadlineOutcome } from './deadline-handler.ts';

/** A schedule fires on time; only deadlines this much overdue are the sweep's business. */
export const SWEEP_GRACE_MS = 15 * 60_000;

const takesEffect = (p: ProposalRecord): { at: string; payload: DeadlinePayload } => ({
  at: effectiveInstant(p.effectiveFrom),
  payload: {
    kind: 'SCHEDULE_TAKES_EFFECT',
    proposalId: p.id,
    version: p.version,
    round: p.consultation?.round ?? 1,
  },
});

/** The deadline a proposal in this status waits for, and when it is due. */
const DUE: Record<string, (p: ProposalRecord) => { at?: string; payload: DeadlinePayload } | undefined> = {
  IN_CONSULTATION: (p) =>
    p.consultation && {
      at: p.consultation.closesAt,
      payload: {
        kind: 'CONSULTATION_CLOSES',
        proposalId: p.id,
        version: p.version,
        round: p.consultation.round,
      },
    },
  UNDER_REVIEW: (p) =>
    p.review && {
      at: p.review.deadline,
      payload: {
        kind: 'VOTE_DEADLINE',
        proposalId: p.id,
        version: p.review.version,
        round: p.consultation?.round ?? 1,
      },
    },
  APPROVED: (p) => takesEffect(p),
  // Under the steps of 規費法 §10 an announced schedule is the one waiting for its date.
  ANNOUNCED: (p) => takesEffect(p),
};

export interface SweepResult {
  /** Overdue deadlines fired, by what each did. */
  fired: { payload: DeadlinePayload; outcome: DeadlineOutcome }[];
}

export async function sweepOverdueDeadlines(): Promise<SweepResult> {
  const cutoff = currentClock().now().getTime() - SWEEP_GRACE_MS;
  const fired: SweepResult['fired'] = [];
  for (const [status, due] of Object.entries(DUE)) {
    let cursor: string | undefined;
    do {
      const page = await proposalRepository.listByStatus(status, { cursor, oldestFirst: true });
      // The stored items are whole records (the vote included), listed under their public type.
      for (const proposal of page.items as ProposalRecord[]) {
        const deadline = due(proposal);
        if (!deadline?.at || Date.parse(deadline.at) > cutoff) continue;
        fired.push({ payload: deadline.payload, outcome: await fireDeadline(deadline.payload) });
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { fired };
}
