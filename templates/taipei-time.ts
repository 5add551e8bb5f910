import { fromTaipeiWallClock, taipeiWallClock } from '#domain/taipei-time';
import type { Label } from './labels.ts';
/**
 * The one way pages, mails and PDFs write a moment or a day for people: in Taipei time, named by one
 * term, as 「2027年1月30日 14:33（臺北時間）」 and "30 Jan 2027, 14:33 Taipei time". Templates print what
 * these return and never format a date themselves.
 *
 * The wall-clock time comes from functions/domain/taipei-time.ts (UTC+8 by a fixed offset): the output
 * never depends on the host's time zone or on the ICU data Node was built with.
 */

/** The term for the time zone, in both languages. */
export const TAIPEI_TIME: Label = { zh: '臺北時間', en: 'Taipei time' };

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Parses an ISO date or date-time, rejecting garbage early rather than printing "Invalid Date". */
export function parseDate(iso: string): Date {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  return new Date(ms);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hh: string;
  mm: string;
}

function wallClock(iso: string): WallClock {
  const d = taipeiWallClock(parseDate(iso));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hh: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
  };
}

/** 「2027年1月30日」 / "30 Jan 2027": the day in Taipei at that instant. */
export function taipeiDay(iso: string): Label {
  const t = wallClock(iso);
  return { zh: `${t.year}年${t.month}月${t.day}日`, en: `${t.day} ${MONTHS_EN[t.month - 1]} ${t.year}` };
}

/** 「2027年1月30日 14:33（臺北時間）」 / "30 Jan 2027, 14:33 Taipei time". */
export function taipeiMoment(iso: string): Label {
  const t = wallClock(iso);
  const day = taipeiDay(iso);
  return {
    zh: `${day.zh} ${t.hh}:${t.mm}（${TAIPEI_TIME.zh}）`,
    en: `${day.en}, ${t.hh}:${t.mm} ${TAIPEI_TIME.en}`,
  };
}

/** 「民國116年」: the Republic of China year that Taiwanese public documents print beside the AD one. */
export const rocYear = (iso: string): string => `民國${wallClock(iso).year - 1911}年`;

/** 「民國116年1月30日」 */
export function rocDay(iso: string): string {
  const t = wallClock(iso);
  return `民國${t.year - 1911}年${t.month}月${t.day}日`;
}

/**
 * 「2027年1月30日（民國116年）」: the day with its ROC year, for the documents a legal officer signs
 * (the consultation report and the decision record keep one calendar system throughout).
 */
export const taipeiDayWithRoc = (iso: string): string => `${taipeiDay(iso).zh}（${rocYear(iso)}）`;

/** 「2027年1月30日（民國116年）14:33（臺北時間）」: a moment in those documents. */
export function taipeiMomentWithRoc(iso: string): string {
  const t = wallClock(iso);
  return `${taipeiDayWithRoc(iso)} ${t.hh}:${t.mm}（${TAIPEI_TIME.zh}）`;
}

/** The instant in UTC, for the machine-readable `datetime` of a <time> element. */
export const utcInstant = (iso: string): string => parseDate(iso).toISOString().replace('.000Z', 'Z');

/**
 * The instant (UTC, ISO 8601) of a Taipei wall-clock date and time as a form posts them
 * (`2027-03-01`, `17:00`): the one conversion the other way, so forms never offset a time themselves.
 * Undefined for anything that is not a real date and time.
 */
export function taipeiInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return undefined;
  const [year, month, day, hh, mm] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = fromTaipeiWallClock(Date.UTC(year, month - 1, day, hh, mm));
  const check = wallClock(utc.toISOString());
  if (
    check.year !== year ||
    check.month !== month ||
    check.day !== day ||
    Number(check.hh) !== hh ||
    Number(check.mm) !== mm
  ) {
    return undefined;
  }
  return utc.toISOString().replace('.000Z', 'Z');
}

/** The Taipei date and time of an instant as a form's date and time inputs take them. */
export function taipeiInputs(iso: string): { date: string; time: string } {
  const t = wallClock(iso);
  return { date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, time: `${t.hh}:${t.mm}` };
}
