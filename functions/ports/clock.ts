/**
 * The clock port: every "now" in the service comes from here, so that the local runtime can
 * run a 60-day consultation in seconds by advancing its clock. On AWS it is the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let active: Clock = systemClock;

export function currentClock(): Clock {
  return active;
}

/** Installed once by the local runtime (and by tests); AWS never calls it. */
export function useClock(clock: Clock): void {
  active = clock;
}
