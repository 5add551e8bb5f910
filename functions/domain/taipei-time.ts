/**
 * Taipei time: the one home of its offset. Taiwan has kept UTC+8 without daylight saving since
 * 1979, so a Taipei date or wall-clock time is the instant shifted by a fixed offset — never the
 * host's time zone, never the ICU data Node was built with. Rules (which day a fee schedule applies,
 * the certificate year, digest hours) and the words of templates/taipei-time.ts both read it here.
 */
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const ms = (instant: string | number | Date): number =>
  typeof instant === 'string' ? Date.parse(instant) : new Date(instant).getTime();

/** The Taipei wall-clock time at `instant`, as a Date whose UTC fields (getUTCHours, …) read it. */
export const taipeiWallClock = (instant: string | number | Date): Date =>
  new Date(ms(instant) + TAIPEI_OFFSET_MS);

/** The instant of a Taipei wall-clock time given as UTC milliseconds (`Date.UTC(…)` of its fields). */
export const fromTaipeiWallClock = (wallClockMs: number): Date => new Date(wallClockMs - TAIPEI_OFFSET_MS);

/** `YYYY-MM-DD` in Taipei at `instant` (a RangeError for an invalid instant). */
export const taipeiDate = (instant: string | number | Date): string =>
  taipeiWallClock(instant).toISOString().slice(0, 10);

export const taipeiYear = (instant: string | number | Date): number =>
  Number(taipeiDate(instant).slice(0, 4));

/** The instant a Taipei calendar day (`YYYY-MM-DD`) begins. */
export const taipeiDayStart = (date: string): Date =>
  fromTaipeiWallClock(Date.parse(`${date}T00:00:00.000Z`));

/** The instant the Taipei day holding `instant` began. */
export const taipeiMidnightOf = (instant: Date): Date =>
  fromTaipeiWallClock(Math.floor(taipeiWallClock(instant).getTime() / DAY_MS) * DAY_MS);
