/**
 * A member acts on the link in their mail. Looking (GET/HEAD) never changes anything — mail
 * scanners open every link; only `castBallot` (a POST from the page or JSON) records a vote:
 * 1. the link must be known (404) and still open: not used, not superseded by a newer proposal
 *    version or a newer link, not past the deadline (410, saying which, and what was recorded);
 * 2. the vote is written on the ballot conditionally, so a second POST cannot record twice;
 * 3. the vote is recorded by name in the audit trail;
 * 4. the tally is recomputed: once the result is certain, the workflow's wait is released.
 */
import { ballotState } from '#domain/ballot';
import type { Ballot, BallotInput, BallotState } from '#domain/ballot';
import { ConflictError, GoneError, NotFoundError } from '#domain/errors';
import { ballotRepository } from '#ports/ballot-repository';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import type { Versioned } from '#ports/registry-repository';
import { hashSecret, looksLikeSecret } from '#ports/secrets';
import { releaseWaitingStep } from './workflow-steps.ts';
import { currentTally } from './vote-tally.ts';

/** 410 with the reason the link cannot be used, and the ballot for the page to explain. */
export class BallotGoneError extends GoneError {
  constructor(
    readonly why: Exclude<BallotState, 'OPEN'>,
    readonly ballot: Ballot,
    readonly proposal: ProposalRecord,
  ) {
    super(
      `BALLOT_${why}`,
      {
        USED: 'This ballot has already been used; the vote recorded is shown.',
        EXPIRED: 'The vote has closed; this ballot can no longer be used.',
        SUPERSEDED:
          'This link was replaced by a newer one, or the proposal was revised; use the newest link mailed to you.',
      }[why],
    );
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
  const [ballot, proposal] = await Promise.all([
    ballotRepository.get(target.proposalId, target.version, target.memberId),
    proposalRepository.get(target.proposalId),
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
    currentClock().now(),
  );
  if (state !== 'OPEN') throw new BallotGoneError(state, ballot.value, proposal.value);
  return { ballot, proposal: proposal.value, hash };
}

export async function castBallot(
  secret: string,
  input: BallotInput,
): Promise<{ ballot: Ballot; proposal: ProposalRecord }> {
  const { ballot, proposal } = await openBallot(secret);
  const now = currentClock().now().toISOString();
  const cast: Ballot = {
    ...ballot.value,
    cast: { decision: input.decision, reason: input.reason, castAt: now },
  };
  try {
    await ballotRepository.replace(cast, ballot.revision);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await openBallot(secret); // throws USED when the racing request was a vote
    throw error;
  }
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
