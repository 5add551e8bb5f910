/**
 * Invoked by the EventBridge rule on the review state machine's status changes (FAILED, TIMED_OUT,
 * ABORTED): records in the proposal's audit trail that its review stopped, and why. The alarms on
 * the machine's failed, timed-out and aborted executions tell the operator.
 */
import * as z from '#domain/zod';
import { log } from '#ports/log';
import { recordStoppedReview } from '#usecases/record-stopped-review';

const StatusChange = z.object({
  detail: z.looseObject({
    name: z.string().check(z.minLength(1)),
    status: z.enum(['FAILED', 'TIMED_OUT', 'ABORTED']),
    error: z.optional(z.nullable(z.string())),
    cause: z.optional(z.nullable(z.string())),
    input: z.string(),
  }),
});

const ReviewInput = z.looseObject({
  proposalId: z.string().check(z.minLength(1)),
  version: z.int().check(z.gte(1)),
  round: z.int().check(z.gte(1)),
});

export const handler = async (event: unknown) => {
  const { detail } = StatusChange.parse(event);
  const review = ReviewInput.parse(JSON.parse(detail.input));
  const outcome = await recordStoppedReview({
    executionName: detail.name,
    status: detail.status,
    error: detail.error ?? undefined,
    cause: detail.cause ?? undefined,
    review,
  });
  log.warn('review execution stopped', { execution: detail.name, status: detail.status, outcome });
  return { outcome };
};
