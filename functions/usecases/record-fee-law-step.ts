/**
 * Record a step of 規費法 §10 after a favourable vote (POST /fee-proposals/{id}/steps):
 * 1. only the proposing agency (or an operator) may, and only while the deployment requires the
 *    steps (FEE_LAW_STEPS, on by default) and the proposal is APPROVED;
 * 2. the steps come in the law's order, dated on or after the vote's result and each other, not in
 *    the future; the announcement names its URL and fixes the effective date, on or after the
 *    announcement (a new one when the review ran past the one proposed) — 422 naming the rule;
 * 3. each step is written conditionally on the record read, with its audit event, and the decision
 *    record is re-issued as a new revision listing the steps so far (decision-revisions.ts);
 * 4. with the announcement APPROVED → ANNOUNCED: the schedule is published on its datasets (the
 *    one in force on a date prices it) and takes effect at 00:00 Taipei time on its date.
 */
import { ConflictError } from '#domain/errors';
import { checkFeeLawStep, type FeeLawStepInput, type FeeLawStepRecord } from '#domain/fee-law-steps';
import { reviewByDate } from '#domain/fee-rules';
import { nextStatus } from '#domain/proposal-status';
import type { Principal } from '#domain/principal';
import type { ProposalRecord } from '#ports/proposal-repository';
import { actorOf } from './actors.ts';
import { taipeiDate } from '#domain/taipei-time';
import { feeLawStepsRequired, reviewIntervalYears } from './settings.ts';
import { reissueDecisionRecord } from './decision-revisions.ts';
import { scheduleTakingEffect } from './take-effect.ts';
import { updateProposal } from './update-proposal.ts';
import { loadOwnProposal } from './public-proposal.ts';

export async function recordFeeLawStep(
  id: string,
  input: FeeLawStepInput,
  principal: Principal | undefined,
): Promise<ProposalRecord> {
  await loadOwnProposal(id, principal);
  if (!feeLawStepsRequired()) {
    throw new ConflictError(
      'FEE_LAW_STEPS_OFF',
      'This deployment does not record the steps of 規費法 §10: an approved schedule takes effect on its date.',
    );
  }
  const { proposal } = await updateProposal(id, async (current, now) => {
    if (current.status !== 'APPROVED' || !current.decision) {
      throw new ConflictError(
        'NOT_AWAITING_FEE_LAW_STEPS',
        `Proposal '${id}' is ${current.status.toLowerCase().replace(/_/g, ' ')}; the steps of 規費法 §10 follow a favourable vote.`,
      );
    }
    const done = current.feeLawSteps ?? [];
    const { effectiveFrom } = checkFeeLawStep({
      done,
      step: input,
      decidedOn: taipeiDate(current.decision.decidedAt),
      today: taipeiDate(now.toISOString()),
      effectiveFrom: current.effectiveFrom,
    });
    const record: FeeLawStepRecord = {
      step: input.step,
      date: input.date,
      reference: input.reference,
      ...(input.url ? { url: input.url } : {}),
      recordedAt: now.toISOString(),
    };
    const announced = input.step === 'ANNOUNCEMENT';
    const next: ProposalRecord = {
      ...current,
      feeLawSteps: [...done, record],
      ...(announced
        ? {
            status: nextStatus(current.status, 'ANNOUNCE'),
            effectiveFrom,
            reviewBy: reviewByDate(effectiveFrom, reviewIntervalYears),
          }
        : {}),
    };
    return {
      next: { ...next, decision: await reissueDecisionRecord(next, record) },
      event: {
        type: `${input.step}_RECORDED`,
        actor: actorOf(principal),
        detail: {
          date: input.date,
          reference: input.reference,
          ...(input.url ? { url: input.url } : {}),
          ...(announced ? { effectiveFrom } : {}),
        },
      },
    };
  });
  if (proposal.status === 'ANNOUNCED') await scheduleTakingEffect(proposal, 'ANNOUNCED');
  return proposal;
}
