/**
 * What the reliability tier tried, by category. Test files run in separate workers, so each file
 * keeps its counts in memory and writes them to its own file in a shared folder after its tests;
 * the summary reporter adds the files up at the end of the run.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export const TALLY_DIR_ENV = 'OGDL_RELIABILITY_TALLY_DIR';

export const CATEGORIES = [
  'access',
  'bad input',
  'ballots',
  'concurrency',
  'faults',
  'tampering',
  'vote race',
  'rate limits',
  'flooding',
  'squatting',
  'enumeration',
  'local routes',
  'hostile unicode',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Counts {
  tried: Record<Category, number>;
  failed: Record<Category, number>;
}

const zero = (): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

const counts: Counts = { tried: zero(), failed: zero() };

/** Counts `n` cases tried in a category. */
export function tried(category: Category, n = 1): void {
  counts.tried[category] += n;
}

/**
 * Runs one case: counts it as tried, and as failed when `check` throws (the error is rethrown,
 * so the test fails as well). Use for cases checked one by one inside a test.
 */
export async function attempt<T>(category: Category, check: () => Promise<T> | T): Promise<T> {
  counts.tried[category] += 1;
  try {
    return await check();
  } catch (error) {
    counts.failed[category] += 1;
    throw error;
  }
}

/** Writes this file's counts (called once per test file, after its tests). */
export function flushTally(dir: string): void {
  writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify(counts));
}

/** The sum of every file's counts in `dir`. */
export function readTally(dir: string): Counts {
  const total: Counts = { tried: zero(), failed: zero() };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const part = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Counts;
    for (const c of CATEGORIES) {
      total.tried[c] += part.tried[c] ?? 0;
      total.failed[c] += part.failed[c] ?? 0;
    }
  }
  return total;
}
