/**
 * A member acts on the link in their mail. Looking (GET/HEAD) never changes anything — mail
 * scanners open every link; only `castBallot` (a POST from the page or JSON) records a vote:
 * 1. the link must be known (404) and still open: not used, not superseded by a newer proposal
 *    version or a newer link, the vote not closed nor past its deadline (410, saying which, and
 *    what was recorded);
 * 2. the vote is written on the version's vote record, on condition that the vote is open and the
 *    member has not voted: once the decision has closed the vote, no write succeeds, so every vote
 *    answered 200 is one the decision counts;
 * 3. the ballot keeps a copy for its page, and the audit trail records the vote (by name, shown
 *    once the decision is published);
 * 4. the tally is recomputed: once the result is certain, the workflow's wait is released.
 */
import { count } from '#ports/adapters';
import { BUSINESS_COUNTS } from '#ports/metrics';
import { ballotState } from '#domain/ballot';
import type { Ballot, BallotInput, BallotState, CastVote, VoteState } from '#domain/ballot';
import { ConflictError, GoneError, NotFoundError } from '#domain/errors';
import { ballotRepository } from '#ports/ballot-repository';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { voteRepository } from '#ports/vote-repository';
import { updateWithRetry } from '#ports/update-with-retry';
import type { Versioned } from '#ports/versioned';
import { hashSecret, looksLikeSecret } from '#ports/secrets';
import { releaseWaitingStep } from './workflow-steps.ts';
import { currentTally } from './vote-tally.ts';

/** 410 with the reason the link cannot be used, and the ballot for the page to explain. */
export class BallotGoneError extends GoneError {
  constructor(
    readonly why: Exclude<BallotState, 'OPEN'>,
    readonly ballot: Ballot,
    readonly proposal: ProposalRecord,
    readonly vote: VoteState | undefined,
  ) {
    super(
      `BALLOT_${why}`,
      {
        USED: 'This ballot has already been used; the vote recorded is shown.',
        EXPIRED: 'The vote has closed; this ballot can no longer be used.',
        CLOSED: `The vote closed at ${vote?.closedAt ?? ''} before this ballot arrived; it was not counted.`,
        SUPERSEDED:
          'This link was replaced by a newer one, or the proposal was revised; use the newest link mailed to you.',
      }[why],
    );
  }

  /** The vote this member cast, if any (the vote record holds it; the ballot a copy). */
  get recorded(): CastVote | undefined {
    return this.vote?.votes[this.ballot.memberId] ?? this.ballot.cast;
  }
}

export interface OpenBallot {
  ballot: Versioned<Ballot>;
  proposal: ProposalRecord;
  hash: string;
}

/**
 * Where an unknown link's lookup reads instead: a ballot and a proposal that never exist. Every
 * lookup does the same reads, so its time does not tell whether a secret exists.
 */
const NO_BALLOT = { proposalId: '~no-proposal', version: 0, memberId: '~no-member' };

/** Finds the ballot a link opens and checks it can still be used (throws 404 / BallotGoneError). */
export async function openBallot(secret: string): Promise<OpenBallot> {
  const shaped = looksLikeSecret(secret);
  const hash = hashSecret(shaped ? secret : '');
  const ref = await ballotRepository.findBySecretHash(hash);
  const target = shaped && ref ? ref : NO_BALLOT;
  const [ballot, proposal, vote] = await Promise.all([
    ballotRepository.get(target.proposalId, target.version, target.memberId),
    proposalRepository.get(target.proposalId),
    voteRepository.get(target.proposalId, target.version),
  ]);
  if (!shaped || !ref || !ballot || !proposal)
    throw new NotFoundError('Ballot link', 'given', 'BALLOT_NOT_FOUND');
  const review = proposal.value.review;
  const state = ballotState(
    ballot.value,
    hash,
    {
      version: review?.version ?? proposal.value.version,
      deadline: review?.deadline ?? new Date(0).toISOString(),
      closed:
        !review ||
        review.closed ||
        proposal.value.status !== 'UNDER_REVIEW' ||
        review.version !== proposal.value.version,
    },
    vote,
    currentClock().now(),
  );
  if (state !== 'OPEN') throw new BallotGoneError(state, ballot.value, proposal.value, vote);
  return { ballot, proposal: proposal.value, hash };
}

/**
 * Copies the vote onto the ballot for its page (the vote record is what counts), retrying a race
 * with a new link. The first attempt writes on the ballot just read.
 */
async function copyOntoBallot(ballot: Versioned<Ballot>, cast: CastVote): Promise<Ballot> {
  const { proposalId, version, memberId } = ballot.value;
  return updateWithRetry(5, async (attempt) => {
    const current =
      attempt === 0 ? ballot : ((await ballotRepository.get(proposalId, version, memberId)) ?? ballot);
    const next: Ballot = { ...current.value, cast };
    await ballotRepository.replace(next, current.revision);
    return next;
  });
}

export async function castBallot(
  secret: string,
  input: BallotInput,
): Promise<{ ballot: Ballot; proposal: ProposalRecord }> {
  const { ballot, proposal } = await openBallot(secret);
  const now = currentClock().now().toISOString();
  const vote: CastVote = { decision: input.decision, reason: input.reason, castAt: now };
  const { proposalId, version, memberId } = ballot.value;
  try {
    await voteRepository.cast(proposalId, version, memberId, vote);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await openBallot(secret); // throws USED or CLOSED: a racing vote of this member, or the close
    throw error;
  }
  await count(BUSINESS_COUNTS.voteCast);
  const cast = await copyOntoBallot(ballot, vote);
  await proposalRepository.appendEvent({
    proposalId: proposal.id,
    at: now,
    actor: { kind: 'member', id: cast.memberId },
    type: 'VOTE_CAST',
    proposalVersion: cast.version,
    detail: { member: cast.memberName, decision: input.decision },
  });
  const { tally } = await currentTally(proposal.id, proposal.review!, false);
  if (tally.final && tally.outcome) await releaseWaitingStep(proposal.id, 'VOTE', { outcome: tally.outcome });
  return { ballot: cast, proposal };
}
