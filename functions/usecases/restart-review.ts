/**
 * An operator restarts a stopped review (POST /fee-proposals/{id}/review/restart):
 * 1. only a review whose current execution the trail records as stopped (REVIEW_STOPPED, by the
 *    workflow's Catch path or by the status-change rule) — else 409 REVIEW_NOT_STOPPED; a proposal
 *    no longer in review, 409 REVIEW_NOT_IN_PROGRESS;
 * 2. a new execution, named with the next attempt number, enters the review after its last
 *    completed phase (domain/review-phase.ts restartPhase);
 * 3. it is recorded on the proposal (the current execution) and on its public trail (REVIEW_RESTARTED,
 *    with the operator's reason).
 * Started before it is recorded, as a continuation is: two racing restarts start the same name with
 * the same input (harmless), and only one of them records it.
 */
import { ConflictError, NotFoundError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { REVIEW_RESTARTED, restartPhase } from '#domain/review-phase';
import type { RestartInput } from '#domain/review-restart';
import { proposalRepository } from '#ports/proposal-repository';
import { startReview, type ReviewRef } from '#ports/workflow';
import { actorOf } from './actors.ts';
import { stoppedRecorded } from './record-stopped-review.ts';
import { reviewStartOf } from './review-start.ts';
import { updateProposal } from './update-proposal.ts';

export interface Restart {
  proposalId: string;
  attempt: number;
  /** The new execution's name. */
  execution: string;
  /** The phase it starts at: a ReviewPhase, or CONSULTATION_NOTICE for the beginning. */
  from: string;
}

export async function restartReview(
  id: string,
  input: RestartInput,
  principal: Principal | undefined,
): Promise<Restart> {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  const proposal = found.value;
  const phase = restartPhase(proposal);
  const stopped = proposal.workflow?.executionName;
  if (phase === null || !stopped)
    throw new ConflictError(
      'REVIEW_NOT_IN_PROGRESS',
      `Proposal ${id} is ${proposal.status}: it has no review to restart.`,
    );
  if (!(await stoppedRecorded(id, stopped)))
    throw new ConflictError(
      'REVIEW_NOT_STOPPED',
      `The review of proposal ${id} (execution ${stopped}) has not stopped: only a stopped review can be restarted.`,
    );

  const start = proposal.workflow?.start ?? {
    version: proposal.version,
    round: proposal.consultation?.round ?? 1,
  };
  const attempt = (start.attempt ?? 1) + 1;
  const ref: ReviewRef = {
    proposalId: id,
    version: start.version,
    round: start.round,
    attempt,
    ...(phase ? { startWith: phase } : {}),
  };
  const from = phase ?? 'CONSULTATION_NOTICE';
  const execution = await startReview(ref);
  await updateProposal(id, (current) => {
    if (current.workflow?.executionName !== stopped) return undefined; // restarted by a racing request
    return {
      // The stopped execution's waiting step, if any, holds a token nothing will complete: dropped.
      next: { ...current, workflow: { executionName: execution, start: reviewStartOf(ref) } },
      event: {
        type: REVIEW_RESTARTED,
        actor: actorOf(principal),
        detail: { attempt, execution, stopped, from, reason: input.reason },
      },
    };
  });
  return { proposalId: id, attempt, execution, from };
}
