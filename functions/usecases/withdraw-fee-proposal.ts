/**
 * Withdraw a submitted proposal:
 * 1. the caller must act for the proposal's agency;
 * 2. the status model decides whether its status allows it (409 ILLEGAL_TRANSITION otherwise);
 * 3. → WITHDRAWN in one write conditional on the revision read, with the reason on the public trail;
 * 4. the review workflow's waiting step, if any, is released with `{withdrawn: true}`, and the
 *    workflow ends there; a step that parks later sees the status and ends it likewise.
 * Withdrawing a proposal already withdrawn changes nothing and only repeats step 4, so a retry
 * repairs a release that a failure interrupted.
 */
import { NotFoundError } from '#domain/errors';
import { nextStatus, type WithdrawalInput } from '#domain/proposal-status';
import type { Principal } from '#domain/principal';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { updateProposal } from './update-proposal.ts';
import { endReviewOnWithdrawal } from './workflow-steps.ts';

export async function withdrawFeeProposal(
  id: string,
  input: WithdrawalInput,
  principal: Principal | undefined,
): Promise<ProposalRecord> {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  requireActingFor(principal, found.value.agencyId);

  const { proposal } = await updateProposal(id, (current) => {
    if (current.status === 'WITHDRAWN') return undefined;
    return {
      next: { ...current, status: nextStatus(current.status, 'WITHDRAW') },
      event: {
        type: 'WITHDRAWN',
        actor: actorOf(principal),
        detail: { from: current.status, reason: input.reason },
      },
    };
  });
  await endReviewOnWithdrawal(id);
  return proposal;
}
