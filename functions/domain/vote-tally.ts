/**
 * Counting an advisory group's ballots. Default rule: an option wins with a strict majority of the
 * votes cast, provided at least `quorumFraction` of the seated (non-recused) members voted. The
 * result is final as soon as no member who has not yet acted could change it, otherwise at the
 * deadline.
 */
import * as z from './zod.ts';

export const BallotDecisionSchema = /* @__PURE__ */ z.enum([
  'APPROVE',
  'REJECT',
  'REQUEST_CHANGES',
  'RECUSE',
]);
export type BallotDecision = z.infer<typeof BallotDecisionSchema>;

export type VoteOption = Exclude<BallotDecision, 'RECUSE'>;
export type TallyOutcome = 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED' | 'NO_QUORUM' | 'NO_MAJORITY';

export interface TallyInput {
  memberIds: readonly string[];
  votes: readonly { memberId: string; decision: BallotDecision }[];
  rule: { quorumFraction: number };
  deadlinePassed: boolean;
}

export interface Tally {
  /** Members minus recusals: those who count toward the quorum. */
  seats: number;
  recused: number;
  /** Approve, reject and request-changes votes; recusals are not votes. */
  cast: number;
  quorum: number;
  quorumMet: boolean;
  counts: Record<VoteOption, number>;
  /** The outcome once it is final; null while members who have not acted could still change it. */
  outcome: TallyOutcome | null;
  final: boolean;
}

interface Counts {
  approve: number;
  reject: number;
  changes: number;
  recused: number;
}

function quorumFor(seats: number, fraction: number): number {
  if (seats === 0) return 0;
  // The epsilon stops float noise (0.7 × 10 = 7.000000000000001) from raising the quorum by one.
  return Math.max(1, Math.ceil(seats * fraction - 1e-9));
}

/** The outcome if voting stopped with these counts. */
function outcomeOf(members: number, c: Counts, fraction: number): TallyOutcome {
  const seats = members - c.recused;
  const cast = c.approve + c.reject + c.changes;
  // With every member recused nobody can decide: that is a failed quorum, not a tie.
  if (seats === 0 || cast < quorumFor(seats, fraction)) return 'NO_QUORUM';
  if (c.approve * 2 > cast) return 'APPROVED';
  if (c.reject * 2 > cast) return 'REJECTED';
  if (c.changes * 2 > cast) return 'CHANGES_REQUESTED';
  return 'NO_MAJORITY';
}

/**
 * The outcome shared by every way the `pending` members could still act (approve, reject, request
 * changes, recuse or stay silent), or null when two completions differ. Members are
 * interchangeable, so it is enough to enumerate how many take each action: C(pending + 4, 4)
 * cases, about 316 000 for 50 pending members, instead of 5^pending.
 */
function certainOutcome(
  members: number,
  now: Counts,
  pending: number,
  fraction: number,
): TallyOutcome | null {
  let shared: TallyOutcome | undefined;
  for (let a = 0; a <= pending; a++) {
    for (let r = 0; a + r <= pending; r++) {
      for (let c = 0; a + r + c <= pending; c++) {
        // The rest recuse (k) or stay silent (pending − a − r − c − k).
        for (let k = 0; a + r + c + k <= pending; k++) {
          const outcome = outcomeOf(
            members,
            {
              approve: now.approve + a,
              reject: now.reject + r,
              changes: now.changes + c,
              recused: now.recused + k,
            },
            fraction,
          );
          if (shared === undefined) shared = outcome;
          else if (shared !== outcome) return null;
        }
      }
    }
  }
  return shared ?? null;
}

/**
 * Tallies the ballots of one proposal version. Votes from ids outside `memberIds` are ignored;
 * should a member appear twice, the first ballot counts, matching the ballot link that can be
 * used only once.
 */
export function tallyVotes(input: TallyInput): Tally {
  const { rule, deadlinePassed } = input;
  const memberIds = new Set(input.memberIds);
  const members = memberIds.size;
  const decided = new Map<string, BallotDecision>();
  for (const v of input.votes) {
    if (memberIds.has(v.memberId) && !decided.has(v.memberId)) decided.set(v.memberId, v.decision);
  }

  const counts: Record<VoteOption, number> = { APPROVE: 0, REJECT: 0, REQUEST_CHANGES: 0 };
  let recused = 0;
  for (const decision of decided.values()) {
    if (decision === 'RECUSE') recused++;
    else counts[decision]++;
  }

  const seats = members - recused;
  const cast = counts.APPROVE + counts.REJECT + counts.REQUEST_CHANGES;
  const quorum = quorumFor(seats, rule.quorumFraction);
  const now: Counts = {
    approve: counts.APPROVE,
    reject: counts.REJECT,
    changes: counts.REQUEST_CHANGES,
    recused,
  };

  const outcome = deadlinePassed
    ? outcomeOf(members, now, rule.quorumFraction)
    : certainOutcome(members, now, members - decided.size, rule.quorumFraction);

  return {
    seats,
    recused,
    cast,
    quorum,
    quorumMet: seats > 0 && cast >= quorum,
    counts,
    outcome,
    final: outcome !== null,
  };
}

/**
 * Whether a vote whose deadline passed without a quorum gets its deadline moved instead of ending:
 * while the group's rule allows another extension.
 */
export function extendsAtDeadline(
  tally: Pick<Tally, 'outcome'>,
  review: { extensions: readonly unknown[]; rule: { maxExtensions: number } },
): boolean {
  return tally.outcome === 'NO_QUORUM' && review.extensions.length < review.rule.maxExtensions;
}
