/**
 * Business counts in the local runtime: kept in this process (the runtime and its tests share
 * one), logged at debug, and read back with `localCounts()`.
 */
import { log } from './log.ts';
import type { BusinessCount, Metrics } from './metrics.ts';

const counts = new Map<BusinessCount, number>();

export class LocalMetrics implements Metrics {
  count(name: BusinessCount, value = 1): void {
    counts.set(name, (counts.get(name) ?? 0) + value);
    log.debug('metric', { name, value });
  }
}

/** Every count since the process started. */
export function localCounts(): Readonly<Partial<Record<BusinessCount, number>>> {
  return Object.fromEntries(counts);
}
