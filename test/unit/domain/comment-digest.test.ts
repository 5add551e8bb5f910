import { describe, expect, it } from 'vitest';
import { digestWindow, dueDigestAt, nextDigestAt } from '#domain/comment-digest';

describe('the daily comment digest', () => {
  it('goes out at the set hour in Taipei: later today, or tomorrow once the hour has passed', () => {
    // 00:30 UTC is 08:30 in Taipei: today's 09:00 (01:00 UTC) is still ahead.
    expect(nextDigestAt(new Date('2027-03-01T00:30:00Z'), 9).toISOString()).toBe('2027-03-01T01:00:00.000Z');
    // 01:00 UTC is exactly 09:00: the next one is tomorrow's.
    expect(nextDigestAt(new Date('2027-03-01T01:00:00Z'), 9).toISOString()).toBe('2027-03-02T01:00:00.000Z');
    // 23:00 UTC on 1 March is 07:00 on 2 March in Taipei.
    expect(nextDigestAt(new Date('2027-03-01T23:00:00Z'), 9).toISOString()).toBe('2027-03-02T01:00:00.000Z');
  });

  it('that is due is the latest one at or before now, and covers the day before it', () => {
    const due = dueDigestAt(new Date('2027-03-02T05:00:00Z'), 9);
    expect(due.toISOString()).toBe('2027-03-02T01:00:00.000Z');
    expect(dueDigestAt(new Date('2027-03-02T01:00:00Z'), 9).toISOString()).toBe('2027-03-02T01:00:00.000Z');
    expect(digestWindow(due)).toEqual({
      after: new Date('2027-03-01T01:00:00Z'),
      upTo: new Date('2027-03-02T01:00:00Z'),
    });
  });
});
