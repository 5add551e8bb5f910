import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  commentKey,
  commentsReceivedRange,
  deadlineKeys,
  deadlinesDueUpTo,
  isDeadlinePartition,
  proposalKeys,
  proposalsByStatusStart,
} from '#ports/dynamo/keys';

const proposal = {
  id: '01JPROPOSAL',
  agencyId: 'moi',
  status: 'IN_CONSULTATION',
  createdAt: '2026-11-01T00:00:00.000Z',
  consultation: { closesAt: '2026-12-01T00:00:00.000Z' },
};

describe('table keys', () => {
  it('continues a status list after a position with the full keys of the proposal there', () => {
    const keys = proposalKeys(proposal);
    expect(proposalsByStatusStart(proposal.status, keys.gsi1sk!)).toEqual({
      pk: keys.pk,
      sk: keys.sk,
      gsi1pk: keys.gsi1pk,
      gsi1sk: keys.gsi1sk,
    });
  });

  it('holds a comment in a time window exactly when its ULID was made within it (after, up to)', () => {
    const after = new Date('2026-12-01T08:00:00.000Z');
    const upTo = new Date('2026-12-01T09:00:00.000Z');
    const range = commentsReceivedRange(after, upTo);
    const inside = (at: Date) => {
      const sk = commentKey('p', ulid(at.getTime())).sk;
      return sk >= range.from && sk <= range.to;
    };
    expect(inside(after)).toBe(false);
    expect(inside(new Date(after.getTime() + 1))).toBe(true);
    expect(inside(upTo)).toBe(true);
    expect(inside(new Date(upTo.getTime() + 1))).toBe(false);
  });

  it('lists a deadline as due up to its own time, and tells a deadline item by its partition', () => {
    const keys = deadlineKeys({ name: 'digest-p', at: '2026-12-01T08:00:00.000Z' });
    expect(keys.gsi1sk! <= deadlinesDueUpTo(new Date('2026-12-01T08:00:00.000Z'))).toBe(true);
    expect(keys.gsi1sk! <= deadlinesDueUpTo(new Date('2026-12-01T07:59:59.999Z'))).toBe(false);
    expect(isDeadlinePartition(keys.pk)).toBe(true);
    expect(isDeadlinePartition(proposalKeys(proposal).pk)).toBe(false);
  });
});
