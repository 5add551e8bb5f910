import { describe, expect, it } from 'vitest';
import { publicTrail } from '#domain/public-trail';
import type { AuditEvent } from '#domain/records';

const vote = (version: number): AuditEvent => ({
  id: `e${version}`,
  proposalId: 'p1',
  at: '2025-05-10T00:00:00Z',
  actor: { kind: 'member', id: 'm1' },
  type: 'VOTE_CAST',
  proposalVersion: version,
  detail: { member: '王大明', decision: 'REJECT' },
});

describe('publicTrail', () => {
  it('hides who voted and how while the version has no decision', () => {
    const [shown] = publicTrail([vote(2)], 1);
    expect(shown).toEqual({
      id: 'e2',
      proposalId: 'p1',
      at: '2025-05-10T00:00:00Z',
      actor: { kind: 'member' },
      type: 'VOTE_CAST',
      proposalVersion: 2,
    });
    expect(publicTrail([vote(1)], undefined)[0]!.detail).toBeUndefined();
  });

  it('shows names and positions once the decision on that version is published', () => {
    expect(publicTrail([vote(1), vote(2)], 2)).toEqual([vote(1), vote(2)]);
  });

  it('leaves every other event as it is', () => {
    const other: AuditEvent = { ...vote(2), type: 'COMMENT_RECEIVED' };
    expect(publicTrail([other], undefined)).toEqual([other]);
  });
});
