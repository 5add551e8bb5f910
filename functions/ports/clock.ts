/**
 * The clock port: every "now" in the service comes from here, so that the local runtime can
 * run a 60-day consultation in seconds by advancing its clock. On AWS it is the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Kept on globalThis rather than in this module, so that every copy of this module in one process
 * follows the same clock: the source and each Lambda bundle the local runtime loads (a bundle
 * carries its own copy of this file).
 */
const INSTALLED = Symbol.for('ogdl.clock');
const slot = globalThis as typeof globalThis & { [INSTALLED]?: Clock };

export function currentClock(): Clock {
  return slot[INSTALLED] ?? systemClock;
}

/** Installed once by the local runtime (and by tests); AWS never calls it. */
export function useClock(clock: Clock): void {
  slot[INSTALLED] = clock;
}
