import { describe, expect, it } from 'vitest';
import { ballotState } from '#domain/ballot';
import type { Ballot, VoteState } from '#domain/ballot';

const ballot: Ballot = {
  proposalId: 'p1',
  version: 2,
  memberId: 'm1',
  memberName: '王大明',
  seat: 'SCHOLAR',
  secretHash: 'h1',
  issuedAt: '2025-05-01T00:00:00Z',
};
const review = { version: 2, deadline: '2025-05-15T00:00:00Z', closed: false };
const open: VoteState = { proposalId: 'p1', version: 2, closed: false, votes: {} };
const before = new Date('2025-05-10T00:00:00Z');
const cast = { decision: 'APPROVE' as const, reason: '', castAt: '2025-05-09T00:00:00Z' };

describe('ballotState', () => {
  it('is OPEN for the newest link of the version under an open vote before its deadline', () => {
    expect(ballotState(ballot, 'h1', review, open, before)).toBe('OPEN');
  });

  it('is USED once the vote record holds the member, even if the ballot has no copy', () => {
    expect(ballotState(ballot, 'h1', review, { ...open, votes: { m1: cast } }, before)).toBe('USED');
    expect(ballotState({ ...ballot, cast }, 'h1', review, open, before)).toBe('USED');
  });

  it('is CLOSED once the vote record is closed, before the deadline as well', () => {
    const closed = { ...open, closed: true, closedAt: '2025-05-09T12:00:00Z' };
    expect(ballotState(ballot, 'h1', review, closed, before)).toBe('CLOSED');
  });

  it('is SUPERSEDED for an older link or version, EXPIRED past the deadline or without a vote record', () => {
    expect(ballotState(ballot, 'h0', review, open, before)).toBe('SUPERSEDED');
    expect(ballotState(ballot, 'h1', { ...review, version: 3 }, open, before)).toBe('SUPERSEDED');
    expect(ballotState(ballot, 'h1', review, open, new Date('2025-05-15T00:00:00Z'))).toBe('EXPIRED');
    expect(ballotState(ballot, 'h1', review, undefined, before)).toBe('EXPIRED');
  });
});
