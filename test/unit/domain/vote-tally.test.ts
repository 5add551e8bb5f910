import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyVotes, type BallotDecision, type TallyOutcome } from '#domain/vote-tally';

const SEVEN = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
const half = { quorumFraction: 0.5 };

function votes(...decisions: BallotDecision[]) {
  return decisions.map((decision, i) => ({ memberId: `m${i + 1}`, decision }));
}

describe('tallyVotes: examples', () => {
  it('is final APPROVED once 4 of 7 approve, before the deadline', () => {
    // Act
    const tally = tallyVotes({
      memberIds: SEVEN,
      votes: votes('APPROVE', 'APPROVE', 'APPROVE', 'APPROVE'),
      rule: half,
      deadlinePassed: false,
    });

    // Assess
    expect(tally).toMatchObject({
      seats: 7,
      cast: 4,
      quorum: 4,
      quorumMet: true,
      outcome: 'APPROVED',
      final: true,
    });
  });

  it('is not final with 3 approvals of 7, since 4 later rejections would win', () => {
    const tally = tallyVotes({
      memberIds: SEVEN,
      votes: votes('APPROVE', 'APPROVE', 'APPROVE'),
      rule: half,
      deadlinePassed: false,
    });
    expect(tally).toMatchObject({ cast: 3, quorumMet: false, outcome: null, final: false });
  });

  it('takes a recusing member out of the seats and the quorum', () => {
    // Act
    const tally = tallyVotes({
      memberIds: SEVEN,
      votes: votes('RECUSE', 'APPROVE', 'APPROVE'),
      rule: half,
      deadlinePassed: true,
    });

    // Assess: 6 seats need 3 votes; 2 cast is short
    expect(tally).toMatchObject({
      seats: 6,
      recused: 1,
      cast: 2,
      quorum: 3,
      quorumMet: false,
      outcome: 'NO_QUORUM',
    });
  });

  it('settles 3 of 6 seats approving after a recusal, only at the deadline', () => {
    const partial = votes('RECUSE', 'APPROVE', 'APPROVE', 'APPROVE');
    expect(tallyVotes({ memberIds: SEVEN, votes: partial, rule: half, deadlinePassed: false }).final).toBe(
      false,
    );
    expect(tallyVotes({ memberIds: SEVEN, votes: partial, rule: half, deadlinePassed: true })).toMatchObject({
      quorumMet: true,
      outcome: 'APPROVED',
      final: true,
    });
  });

  it('ends with NO_QUORUM when only 2 of 7 voted by the deadline', () => {
    const tally = tallyVotes({
      memberIds: SEVEN,
      votes: votes('APPROVE', 'REJECT'),
      rule: half,
      deadlinePassed: true,
    });
    expect(tally).toMatchObject({ cast: 2, quorum: 4, quorumMet: false, outcome: 'NO_QUORUM', final: true });
  });

  it('ends with NO_MAJORITY when the quorum is met but no option has more than half', () => {
    const tally = tallyVotes({
      memberIds: SEVEN,
      votes: votes('APPROVE', 'APPROVE', 'REJECT', 'REJECT', 'REQUEST_CHANGES'),
      rule: half,
      deadlinePassed: true,
    });
    expect(tally).toMatchObject({ cast: 5, quorumMet: true, outcome: 'NO_MAJORITY', final: true });
  });

  it('does not count a tie as a majority', () => {
    const tally = tallyVotes({
      memberIds: SEVEN.slice(0, 4),
      votes: votes('APPROVE', 'APPROVE', 'REJECT', 'REJECT'),
      rule: half,
      deadlinePassed: false,
    });
    expect(tally).toMatchObject({ outcome: 'NO_MAJORITY', final: true });
  });

  it('is final CHANGES_REQUESTED when changes already hold a majority of every possible cast', () => {
    const tally = tallyVotes({
      memberIds: SEVEN.slice(0, 5),
      votes: votes('REQUEST_CHANGES', 'REQUEST_CHANGES', 'REQUEST_CHANGES'),
      rule: half,
      deadlinePassed: false,
    });
    expect(tally).toMatchObject({ outcome: 'CHANGES_REQUESTED', final: true });
  });

  it('ends with NO_QUORUM when every member recuses', () => {
    const tally = tallyVotes({
      memberIds: ['m1', 'm2'],
      votes: votes('RECUSE', 'RECUSE'),
      rule: half,
      deadlinePassed: false,
    });
    expect(tally).toMatchObject({ seats: 0, quorum: 0, quorumMet: false, outcome: 'NO_QUORUM', final: true });
  });

  it('ignores votes from non-members and counts only the first ballot of a member', () => {
    // Prepare
    const ballots = [
      { memberId: 'm1', decision: 'APPROVE' as const },
      { memberId: 'stranger', decision: 'REJECT' as const },
      { memberId: 'm1', decision: 'REJECT' as const },
    ];

    // Act
    const tally = tallyVotes({
      memberIds: ['m1', 'm2', 'm3'],
      votes: ballots,
      rule: half,
      deadlinePassed: true,
    });

    // Assess
    expect(tally.counts).toEqual({ APPROVE: 1, REJECT: 0, REQUEST_CHANGES: 0 });
    expect(tally.cast).toBe(1);
  });

  it('needs at least one vote even when the fraction rounds to nothing', () => {
    const tally = tallyVotes({
      memberIds: ['m1', 'm2', 'm3'],
      votes: [],
      rule: { quorumFraction: 0.01 },
      deadlinePassed: true,
    });
    expect(tally).toMatchObject({ quorum: 1, outcome: 'NO_QUORUM' });
  });

  it('is not thrown off by float noise in the quorum fraction', () => {
    // 10 × 0.7 is 7.000000000000001 in floating point
    const ten = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
    expect(
      tallyVotes({ memberIds: ten, votes: [], rule: { quorumFraction: 0.7 }, deadlinePassed: true }).quorum,
    ).toBe(7);
  });

  it('decides a 50-member group quickly', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `m${i + 1}`);
    const started = performance.now();
    const tally = tallyVotes({
      memberIds: fifty,
      votes: votes('APPROVE'),
      rule: half,
      deadlinePassed: false,
    });
    expect(tally.final).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// Brute force reference: every member not yet decided independently approves, rejects, requests
// changes, recuses or stays silent (5^pending cases). Only for small groups.
type Action = BallotDecision | 'SILENT';
const ACTIONS: Action[] = ['APPROVE', 'REJECT', 'REQUEST_CHANGES', 'RECUSE', 'SILENT'];

function completions(pending: string[]): { memberId: string; decision: BallotDecision }[][] {
  let all: { memberId: string; decision: BallotDecision }[][] = [[]];
  for (const memberId of pending) {
    all = all.flatMap((partial) =>
      ACTIONS.map((a) => (a === 'SILENT' ? partial : [...partial, { memberId, decision: a }])),
    );
  }
  return all;
}

const scenario = fc
  .record({
    size: fc.integer({ min: 1, max: 6 }),
    quorumFraction: fc.constantFrom(0.5, 1 / 3, 2 / 3, 0.75, 1),
    actions: fc.array(fc.constantFrom<Action>(...ACTIONS), { minLength: 6, maxLength: 6 }),
  })
  .map(({ size, quorumFraction, actions }) => {
    const memberIds = Array.from({ length: size }, (_, i) => `m${i + 1}`);
    const cast = memberIds.flatMap((memberId, i) => {
      const a = actions[i]!;
      return a === 'SILENT' ? [] : [{ memberId, decision: a }];
    });
    const pending = memberIds.filter((id) => !cast.some((v) => v.memberId === id));
    return { memberIds, votes: cast, pending, rule: { quorumFraction } };
  });

describe('tallyVotes: properties', () => {
  it('is final early exactly when every completion ends the same way, with that outcome', () => {
    fc.assert(
      fc.property(scenario, ({ memberIds, votes: cast, pending, rule }) => {
        // Act
        const early = tallyVotes({ memberIds, votes: cast, rule, deadlinePassed: false });
        const endings = new Set<TallyOutcome | null>(
          completions(pending).map(
            (extra) =>
              tallyVotes({ memberIds, votes: [...cast, ...extra], rule, deadlinePassed: true }).outcome,
          ),
        );

        // Assess
        if (early.final) expect([...endings]).toEqual([early.outcome]);
        else expect(endings.size).toBeGreaterThan(1);
      }),
      { numRuns: 300 },
    );
  });

  it('counts add up to votes cast, and recusals never count toward seats or quorum', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ memberIds, votes: cast, rule }, deadlinePassed) => {
        const tally = tallyVotes({ memberIds, votes: cast, rule, deadlinePassed });
        const recusals = cast.filter((v) => v.decision === 'RECUSE').length;
        expect(tally.counts.APPROVE + tally.counts.REJECT + tally.counts.REQUEST_CHANGES).toBe(tally.cast);
        expect(tally.cast).toBe(cast.length - recusals);
        expect(tally.recused).toBe(recusals);
        expect(tally.seats).toBe(memberIds.length - recusals);
        expect(tally.quorumMet).toBe(tally.seats > 0 && tally.cast >= tally.quorum);
      }),
    );
  });

  it('turning a vote into a recusal never raises the quorum', () => {
    fc.assert(
      fc.property(scenario, ({ memberIds, votes: cast, rule }) => {
        const index = cast.findIndex((v) => v.decision !== 'RECUSE');
        fc.pre(index >= 0);
        const recast = cast.map((v, i) => (i === index ? { ...v, decision: 'RECUSE' as const } : v));
        const before = tallyVotes({ memberIds, votes: cast, rule, deadlinePassed: true });
        const after = tallyVotes({ memberIds, votes: recast, rule, deadlinePassed: true });
        expect(after.quorum).toBeLessThanOrEqual(before.quorum);
        expect(after.cast).toBe(before.cast - 1);
      }),
    );
  });

  it('is always final at the deadline', () => {
    fc.assert(
      fc.property(scenario, ({ memberIds, votes: cast, rule }) => {
        const tally = tallyVotes({ memberIds, votes: cast, rule, deadlinePassed: true });
        expect(tally.final).toBe(true);
        expect(tally.outcome).not.toBeNull();
      }),
    );
  });
});
