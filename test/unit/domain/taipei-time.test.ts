import { describe, expect, it } from 'vitest';
import {
  fromTaipeiWallClock,
  taipeiDate,
  taipeiDayStart,
  taipeiMidnightOf,
  taipeiWallClock,
  taipeiYear,
} from '#domain/taipei-time';

describe('Taipei time', () => {
  it('turns the day and the year at midnight in Taipei, eight hours before UTC', () => {
    expect(taipeiDate('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(taipeiDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(taipeiDate(Date.parse('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(taipeiYear('2026-12-31T16:00:00.000Z')).toBe(2027);
    expect(() => taipeiDate('not a date')).toThrow(RangeError);
  });

  it('finds the instant a Taipei day begins, from its date or from any instant within it', () => {
    expect(taipeiDayStart('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(taipeiMidnightOf(new Date('2027-01-01T15:59:59.999Z')).toISOString()).toBe(
      '2026-12-31T16:00:00.000Z',
    );
    expect(taipeiMidnightOf(new Date('2027-01-01T16:00:00.000Z')).toISOString()).toBe(
      '2027-01-01T16:00:00.000Z',
    );
  });

  it('reads the wall clock in the UTC fields and turns it back into the same instant', () => {
    const clock = taipeiWallClock('2027-01-30T06:33:00.000Z');
    expect([clock.getUTCDate(), clock.getUTCHours(), clock.getUTCMinutes()]).toEqual([30, 14, 33]);
    expect(fromTaipeiWallClock(clock.getTime()).toISOString()).toBe('2027-01-30T06:33:00.000Z');
  });
});
