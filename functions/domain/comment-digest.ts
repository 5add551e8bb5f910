/**
 * When the agency hears of new comments: one digest a day at a set hour in Taipei (UTC+8, no
 * daylight saving), listing what arrived since the digest before. Pure date arithmetic; the use
 * case schedules the digest and counts the comments.
 */
import { taipeiMidnightOf } from './taipei-time.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The digest times of one day are `hour`:00 Taipei; this is the first one strictly after `now`. */
export function nextDigestAt(now: Date, hour: number): Date {
  const today = taipeiMidnightOf(now).getTime() + hour * HOUR_MS;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

/** The latest digest time at or before `now`: the digest that is due. */
export function dueDigestAt(now: Date, hour: number): Date {
  return new Date(nextDigestAt(now, hour).getTime() - DAY_MS);
}

/** What a digest covers: the comments received after the digest before it, up to its own time. */
export function digestWindow(digestAt: Date): { after: Date; upTo: Date } {
  return { after: new Date(digestAt.getTime() - DAY_MS), upTo: digestAt };
}
