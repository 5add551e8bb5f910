/**
 * The clock port: every "now" in the service comes from here, so that the local runtime can
 * run a 60-day consultation in seconds by advancing its clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
