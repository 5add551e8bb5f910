/**
 * The service's own limits per client and per recipient (API Gateway's stage throttle is one
 * aggregate per route and cannot tell clients apart): each use is counted on a conditional counter
 * in the table; past the limit the request is refused with 429 before it changes or sends anything.
 */
import { TooManyRequestsError } from '#domain/errors';
import { sourceSubject, windowOf } from '#domain/rate-limits';
import type { RateLimit } from '#domain/rate-limits';
import { currentClock } from '#ports/clock';
import { rateCounter } from '#ports/rate-counter';
import { rateLimits } from './settings.ts';

async function take(limit: RateLimit, subject: string, refusal: string): Promise<void> {
  const window = windowOf(limit, currentClock().now());
  if (await rateCounter.take(limit.name, subject, window, limit.max)) return;
  throw new TooManyRequestsError(
    `${refusal} (${limit.max} per ${limit.windowSeconds} s); try again in ${window.retryAfterSeconds} s.`,
    window.retryAfterSeconds,
  );
}

/** One public write from a source address (the connection's, from the request context). */
export async function admitPublicWrite(sourceIp: string): Promise<void> {
  await take(
    rateLimits().PUBLIC_WRITES_PER_SOURCE,
    sourceSubject(sourceIp),
    'Too many requests from your network address',
  );
}

/** One mail to a member of the public's address (case aside). */
export async function admitMailTo(address: string): Promise<void> {
  await take(
    rateLimits().MAILS_PER_RECIPIENT,
    address.trim().toLowerCase(),
    'Too many mails have been sent to this address',
  );
}
