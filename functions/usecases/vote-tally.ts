/** The tally of one proposal version's vote, from the ballots as stored right now. */
import { tallyVotes } from '#domain/vote-tally';
import type { Tally } from '#domain/vote-tally';
import type { ReviewState } from '#domain/records';
import { ballotRepository } from '#ports/ballot-repository';
import type { Ballot } from '#domain/ballot';

export async function currentTally(
  proposalId: string,
  review: ReviewState,
  deadlinePassed: boolean,
): Promise<{ tally: Tally; ballots: Ballot[] }> {
  const ballots = (await ballotRepository.listForVersion(proposalId, review.version)).map((b) => b.value);
  const tally = tallyVotes({
    memberIds: review.members.map((m) => m.id),
    votes: ballots.filter((b) => b.cast).map((b) => ({ memberId: b.memberId, decision: b.cast!.decision })),
    rule: { quorumFraction: review.rule.quorumFraction },
    deadlinePassed,
  });
  return { tally, ballots };
}
