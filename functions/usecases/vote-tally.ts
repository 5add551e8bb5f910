/** The tally of one proposal version's vote, from its vote record as stored right now. */
import { tallyVotes } from '#domain/vote-tally';
import type { Tally } from '#domain/vote-tally';
import type { ReviewState } from '#domain/records';
import type { VoteState } from '#domain/ballot';
import { voteRepository } from '#ports/vote-repository';

export function tallyOf(review: ReviewState, vote: VoteState | undefined, deadlinePassed: boolean): Tally {
  return tallyVotes({
    memberIds: review.members.map((m) => m.id),
    votes: Object.entries(vote?.votes ?? {}).map(([memberId, v]) => ({ memberId, decision: v.decision })),
    rule: { quorumFraction: review.rule.quorumFraction },
    deadlinePassed,
  });
}

export async function currentTally(
  proposalId: string,
  review: ReviewState,
  deadlinePassed: boolean,
): Promise<{ tally: Tally; vote: VoteState | undefined }> {
  const vote = await voteRepository.get(proposalId, review.version);
  return { tally: tallyOf(review, vote, deadlinePassed), vote };
}
