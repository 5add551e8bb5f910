/**
 * An approved (or, under 規費法 §10, announced) schedule on its datasets, and the day it takes
 * effect: at 00:00 Taipei time on its effective date (a deadline on the clock), → EFFECTIVE. Its
 * agency is reminded of the review-by date 90 days before it.
 */
import {
  REVIEW_REMINDER_DAYS,
  scheduleEntryOf,
  withSchedule,
  type ScheduleStatus,
} from '#domain/fee-schedule';
import { nextStatus } from '#domain/proposal-status';
import { taipeiDayStart } from '#domain/taipei-time';
import { currentClock } from '#ports/clock';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import { deadlineName } from '#ports/scheduler';
import { scheduler } from '#ports/adapters';
import { datasetRepository } from '#ports/registry-repository';
import { updateWithRetry } from '#ports/update-with-retry';
import { systemActor } from './actors.ts';
import type { StoredDataset } from './dataset-view.ts';
import { feeLawStepsRequired } from './settings.ts';
import { updateProposal } from './update-proposal.ts';

/** The instant a schedule takes effect: the start of its effective date in Taipei (UTC+8). */
export const effectiveInstant = (date: string) => taipeiDayStart(date).toISOString();

/**
 * Adds the proposal's schedule to each of its datasets, or updates its status there (retrying on a
 * concurrent dataset edit). Every earlier schedule stays: the one in force on a date prices it.
 */
export async function publishSchedule(proposalId: string, status: ScheduleStatus) {
  const proposal = (await proposalRepository.get(proposalId))!.value;
  const entry = scheduleEntryOf(proposal, status, currentClock().now().toISOString());
  for (const datasetId of proposal.datasetIds) {
    await updateWithRetry(5, async () => {
      const found = await datasetRepository.get(datasetId);
      if (!found) return;
      const stored = found.value as StoredDataset;
      const dataset: StoredDataset = {
        ...stored,
        feeSchedules: withSchedule(stored.feeSchedules ?? [], entry),
      };
      await datasetRepository.replace(dataset, found.revision);
    });
  }
}

const DAY_MS = 86_400_000;

/**
 * Publishes the schedule on its datasets with `status` and sets the deadlines that follow: it takes
 * effect on its date, and its agency is reminded of the review-by date. Idempotent by name.
 */
export async function scheduleTakingEffect(proposal: ProposalRecord, status: 'APPROVED' | 'ANNOUNCED') {
  await publishSchedule(proposal.id, status);
  const schedule = await scheduler();
  const base = {
    proposalId: proposal.id,
    version: proposal.decision?.version ?? proposal.version,
    round: proposal.review?.round ?? proposal.consultation?.round ?? 1,
  };
  const takes = { kind: 'SCHEDULE_TAKES_EFFECT' as const, ...base };
  await schedule.schedule({
    name: deadlineName(takes),
    at: effectiveInstant(proposal.effectiveFrom),
    payload: takes,
  });
  if (proposal.reviewBy) {
    const remind = { kind: 'REVIEW_REMINDER' as const, ...base };
    const at = new Date(
      Date.parse(effectiveInstant(proposal.reviewBy)) - REVIEW_REMINDER_DAYS * DAY_MS,
    ).toISOString();
    await schedule.schedule({ name: deadlineName(remind), at, payload: remind });
  }
}

/** APPROVED or ANNOUNCED → EFFECTIVE once the effective date has come; returns whether it changed. */
export async function takeEffect(proposalId: string): Promise<boolean> {
  const { changed } = await updateProposal(proposalId, (current, now) => {
    const waiting = feeLawStepsRequired() ? 'ANNOUNCED' : 'APPROVED';
    if (
      (current.status !== waiting && current.status !== 'ANNOUNCED') ||
      now.getTime() < Date.parse(effectiveInstant(current.effectiveFrom))
    )
      return undefined;
    return {
      next: { ...current, status: nextStatus(current.status, 'TAKE_EFFECT') },
      event: { type: 'SCHEDULE_TOOK_EFFECT', actor: systemActor },
    };
  });
  if (changed) await publishSchedule(proposalId, 'EFFECTIVE');
  return changed;
}
