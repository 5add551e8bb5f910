/**
 * Submit a draft for public consultation:
 * 1. the caller must act for the proposal's agency;
 * 2. the fee rules are checked again (a dataset may have changed class since drafting);
 * 3. the effective date must come after the consultation closes plus the reviewing group's vote
 *    period (422 EFFECTIVE_BEFORE_REVIEW_ENDS naming effectiveFrom);
 * 4. DRAFT → IN_CONSULTATION with the consultation window (60 days unless a shorter period with a
 *    recorded urgency reason, never below the floor), in one conditional write;
 * 5. the review workflow for this version and round starts (idempotent by name).
 * After CHANGES_REQUESTED the agency edits and submits again: a change to any fee item opens a
 * new consultation round; any other revision goes straight to a new vote.
 * Submitting again a proposal already in consultation for this version only makes sure its
 * workflow runs (a lost response, or a workflow start that failed, is repaired by a retry).
 */
import { assertEffectiveDate, consultationWindow, earliestEffectiveDate } from '#domain/fee-rules';
import { nextStatus } from '#domain/proposal-status';
import type { ProposalEvent } from '#domain/proposal-status';
import { isMaterialRevision } from '#domain/fee-proposal';
import { REVIEWING_STATUSES } from '#domain/review-phase';
import type { FeeItem } from '#domain/fee-proposal';
import type { Principal } from '#domain/principal';
import { startReview, reviewExecutionName } from '#ports/workflow';
import { NotFoundError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import { count } from '#ports/adapters';
import { BUSINESS_COUNTS } from '#ports/metrics';
import type { ProposalRecord } from '#ports/proposal-repository';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { checkAgainstDatasets } from './draft-fee-proposal.ts';
import { reviewingGroup } from './reviewing-group.ts';
import { consultationSettings } from './settings.ts';
import { updateProposal } from './update-proposal.ts';

export async function submitFeeProposal(
  id: string,
  principal: Principal | undefined,
): Promise<ProposalRecord> {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  requireActingFor(principal, found.value.agencyId);

  const { proposal, changed } = await updateProposal(id, async (current, now) => {
    const start = current.workflow?.start;
    if (
      start &&
      start.version === current.version &&
      (REVIEWING_STATUSES as readonly string[]).includes(current.status)
    )
      return undefined; // already submitted
    await checkAgainstDatasets(current);
    // After CHANGES_REQUESTED, a change to any fee item means a new consultation round;
    // anything else goes straight to a new vote on the new version.
    const minor =
      current.status === 'CHANGES_REQUESTED' &&
      !isMaterialRevision({ items: current.decision?.itemsReviewed as FeeItem[] }, current);
    const event: ProposalEvent =
      current.status === 'CHANGES_REQUESTED' ? (minor ? 'RESUBMIT_MINOR' : 'RESUBMIT_MATERIAL') : 'SUBMIT';
    const status = nextStatus(current.status, event);
    if (minor) {
      assertEffectiveDate(current.effectiveFrom, {
        notBefore: earliestEffectiveDate(now.toISOString(), await votePeriodDays(current.agencyId)),
        because: 'CONSULTATION_AND_VOTE',
      });
      const round = current.consultation?.round ?? 1;
      const ref = { proposalId: id, version: current.version, round, startWith: 'VOTE' as const };
      return {
        next: {
          ...current,
          status,
          submittedAt: now.toISOString(),
          workflow: {
            executionName: reviewExecutionName(ref),
            start: { version: ref.version, round, startWith: 'VOTE' },
          },
        },
        event: {
          type: 'RESUBMITTED_FOR_VOTE',
          actor: actorOf(principal),
          detail: { version: current.version },
        },
      };
    }
    const days = current.consultationDays ?? consultationSettings.defaultDays;
    const round = (current.consultation?.round ?? 0) + 1;
    const ref = { proposalId: id, version: current.version, round };
    const window = consultationWindow(now, days);
    assertEffectiveDate(current.effectiveFrom, {
      notBefore: earliestEffectiveDate(window.closesAt, await votePeriodDays(current.agencyId)),
      because: 'CONSULTATION_AND_VOTE',
    });
    return {
      next: {
        ...current,
        status,
        submittedAt: now.toISOString(),
        consultation: {
          round,
          ...window,
          days,
          ...(days < consultationSettings.defaultDays && current.urgencyReason
            ? { shortenedReason: current.urgencyReason }
            : {}),
          extensions: [],
        },
        noticePublishedAt: undefined,
        workflow: { executionName: reviewExecutionName(ref), start: { version: ref.version, round } },
      },
      event: {
        type: event === 'SUBMIT' ? 'SUBMITTED' : 'RESUBMITTED_FOR_CONSULTATION',
        actor: actorOf(principal),
        detail: { round, days },
      },
    };
  });
  if (changed) await count(BUSINESS_COUNTS.proposalSubmitted);
  const start = proposal.workflow!.start!;
  await startReview({
    proposalId: id,
    version: start.version,
    round: start.round,
    ...(start.startWith ? { startWith: start.startWith } : {}),
  });
  return proposal;
}

const votePeriodDays = async (agencyId: string) =>
  (await reviewingGroup(agencyId)).decisionRule.votePeriodDays;
