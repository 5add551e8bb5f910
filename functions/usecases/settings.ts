/**
 * Service-wide settings with their documented defaults, read once from the environment so that an
 * operator can change them per deployment (CDK context → function environment, or `npm start` env).
 */
import { intEnv, optionalEnv } from '#ports/config';
import { parseLimit } from '#domain/rate-limits';
import type { RateLimit } from '#domain/rate-limits';
import type { ConsultationConfig } from '#domain/fee-rules';

export const consultationSettings: ConsultationConfig = {
  /** join.gov.tw practice for pre-announcements: 60 calendar days. */
  defaultDays: intEnv('CONSULTATION_DEFAULT_DAYS', 60),
  /** No consultation may be shorter, even with an urgency reason (the old 14-day minimum). */
  floorDays: intEnv('CONSULTATION_FLOOR_DAYS', 14),
};

/**
 * Days all extensions of one consultation may add to its first closing date together: the review's
 * deadlines and the workflow's one-year limit must hold whatever an agency asks.
 */
export const maxExtensionDays = intEnv('CONSULTATION_MAX_EXTENSION_DAYS', 180);

/** Years until an approved schedule must be reviewed again (規費法 §11; unconfirmed, so configurable). */
export const reviewIntervalYears = intEnv('FEE_REVIEW_INTERVAL_YEARS', 3);

/**
 * The service's own rate limits, as `<max>/<window seconds>`:
 * - RATE_LIMIT_PUBLIC_WRITES (default 60/600): writes without an account (comments, license
 *   requests, ballots, confirmations) from one source address (an IPv6 /64) in ten minutes;
 * - RATE_LIMIT_MAILS_PER_RECIPIENT (default 40/86400): mails to one member of the public's
 *   address (verification, license confirmation) in a day.
 * Read at each use rather than at load, so that a local runtime or a test can set them.
 */
export function rateLimits(): Record<RateLimit['name'], RateLimit> {
  return {
    PUBLIC_WRITES_PER_SOURCE: parseLimit(
      'PUBLIC_WRITES_PER_SOURCE',
      optionalEnv('RATE_LIMIT_PUBLIC_WRITES') ?? '60/600',
    ),
    MAILS_PER_RECIPIENT: parseLimit(
      'MAILS_PER_RECIPIENT',
      optionalEnv('RATE_LIMIT_MAILS_PER_RECIPIENT') ?? '40/86400',
    ),
  };
}

/**
 * Whether an approved schedule waits for the steps of 規費法 §10 (the fee authority's consent, the
 * filing with the representative body, the announcement) before it can take effect. On unless the
 * deployment sets FEE_LAW_STEPS=off; read on each use, so a test can set it for its own runtime.
 */
export const feeLawStepsRequired = (): boolean => optionalEnv('FEE_LAW_STEPS') !== 'off';

/**
 * The hour (Taipei, 0–23) of the agency's daily digest of new comments: COMMENT_DIGEST as `HH:00`
 * (default 09:00), or `off` for none. Read on each use, so a test can set it for its own runtime.
 */
export function commentDigestHour(): number | undefined {
  const setting = optionalEnv('COMMENT_DIGEST') ?? '09:00';
  if (setting === 'off') return undefined;
  const m = /^(\d{1,2})(?::00)?$/.exec(setting);
  const hour = m ? Number(m[1]) : NaN;
  if (!(hour >= 0 && hour <= 23)) throw new Error(`COMMENT_DIGEST must be HH:00 or off, not '${setting}'.`);
  return hour;
}
