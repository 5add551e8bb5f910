/**
 * The deadline function: EventBridge Scheduler (AWS) or the local scheduler invokes it when a
 * stored deadline is due. Each kind checks the stored state first, so a deadline that was moved
 * (an extension) or already acted on does nothing.
 */
import * as z from '#domain/zod';
import { fireDeadline } from '#usecases/deadlines';
import type { Context } from 'aws-lambda';
import { log, startInvocationLog } from '#ports/log';

const DeadlineEvent = z.object({
  kind: z.enum([
    'CONSULTATION_CLOSES',
    'VOTE_DEADLINE',
    'VOTE_REMINDER',
    'SCHEDULE_TAKES_EFFECT',
    'REVIEW_REMINDER',
    'COMMENT_DIGEST',
  ]),
  proposalId: z.string().check(z.minLength(1)),
  version: z.int().check(z.gte(1)),
  round: z.int().check(z.gte(1)),
});

export const handler = async (event: unknown, context?: Context) => {
  const deadline = DeadlineEvent.parse(event);
  startInvocationLog(context, { ...deadline });
  const outcome = await fireDeadline(deadline);
  log.info('deadline fired', { ...deadline, outcome });
  return { outcome };
};
