/**
 * Service-wide settings with their documented defaults, read once from the environment so that an
 * operator can change them per deployment (CDK context → function environment, or `npm start` env).
 */
import { intEnv } from '#ports/config';
import type { ConsultationConfig } from '#domain/fee-rules';

export const consultationSettings: ConsultationConfig = {
  /** join.gov.tw practice for pre-announcements: 60 calendar days. */
  defaultDays: intEnv('CONSULTATION_DEFAULT_DAYS', 60),
  /** No consultation may be shorter, even with an urgency reason (the old 14-day minimum). */
  floorDays: intEnv('CONSULTATION_FLOOR_DAYS', 14),
};

/** Years until an approved schedule must be reviewed again (規費法 §11; unconfirmed, so configurable). */
export const reviewIntervalYears = intEnv('FEE_REVIEW_INTERVAL_YEARS', 3);
