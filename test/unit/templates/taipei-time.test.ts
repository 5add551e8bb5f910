import { describe, expect, it } from 'vitest';
import {
  rocDay,
  taipeiDay,
  taipeiDayWithRoc,
  taipeiInputs,
  taipeiInstant,
  taipeiMoment,
  taipeiMomentWithRoc,
  utcInstant,
} from '#templates/taipei-time';

describe('taipei-time: the one way people read a moment', () => {
  it('writes a moment in Taipei time, zh-Hant and English, with one term and no UTC tail', () => {
    // 06:33Z is 14:33 in Taipei.
    expect(taipeiMoment('2027-01-30T06:33:16.775Z')).toEqual({
      zh: '2027年1月30日 14:33（臺北時間）',
      en: '30 Jan 2027, 14:33 Taipei time',
    });
  });

  it('moves to the next day and year in Taipei when UTC is still on the previous one', () => {
    expect(taipeiMoment('2026-12-31T16:05:00Z').zh).toBe('2027年1月1日 00:05（臺北時間）');
    expect(taipeiDay('2026-12-31T16:05:00Z')).toEqual({ zh: '2027年1月1日', en: '1 Jan 2027' });
  });

  it('reads a plain date as that day', () => {
    expect(taipeiDay('2025-07-01')).toEqual({ zh: '2025年7月1日', en: '1 Jul 2025' });
  });

  it('gives the ROC year beside the AD one for the signed documents', () => {
    expect(taipeiDayWithRoc('2025-07-01')).toBe('2025年7月1日（民國114年）');
    expect(taipeiMomentWithRoc('2025-05-20T15:59:00Z')).toBe('2025年5月20日（民國114年） 23:59（臺北時間）');
    expect(rocDay('2025-03-14T02:00:00Z')).toBe('民國114年3月14日');
  });

  it('gives the UTC instant for machines and refuses what is not a date', () => {
    expect(utcInstant('2025-05-20T23:59:00+08:00')).toBe('2025-05-20T15:59:00Z');
    expect(() => taipeiMoment('tomorrow')).toThrow(RangeError);
  });

  it('reads a Taipei date and time from a form as the instant, and back, refusing days that do not exist', () => {
    expect(taipeiInstant('2027-03-01', '17:00')).toBe('2027-03-01T09:00:00Z');
    expect(taipeiInstant('2027-01-01', '03:30')).toBe('2026-12-31T19:30:00Z');
    expect(taipeiInputs('2026-12-31T19:30:00Z')).toEqual({ date: '2027-01-01', time: '03:30' });
    expect(taipeiInstant('2027-02-29', '10:00')).toBeUndefined();
    expect(taipeiInstant('2027-03-01', '24:00')).toBeUndefined();
    expect(taipeiInstant('tomorrow', '10:00')).toBeUndefined();
  });
});
