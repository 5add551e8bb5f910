/** Counters of rate limits, one item per limit, subject and window (the subject stored hashed). */
import { createHash } from 'node:crypto';
import { countUpTo } from './dynamo/table.ts';
import { rateCounterKeys } from './dynamo/keys.ts';

export const rateCounter = {
  /** Counts one use; false when the subject already used `max` in this window. */
  async take(
    limit: string,
    subject: string,
    window: { start: string; endEpoch: number },
    max: number,
  ): Promise<boolean> {
    const subjectHash = createHash('sha256').update(subject).digest('base64url');
    return countUpTo(rateCounterKeys(limit, subjectHash, window.start), max, window.endEpoch);
  },
};
