/**
 * GET /subscriptions/{secret}: the page a confirmation link opens — what it subscribes to and the
 * button that confirms. It changes nothing (mail scanners open links). Unknown link 404, expired
 * 410, confirmed already: the page after confirming.
 */
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { pagePaths } from '#usecases/page-paths';
import { lookUpConfirmation } from '#usecases/subscriptions';
import {
  confirmSubscriptionPage,
  subscriptionConfirmedPage,
  subscriptionLinkProblemPage,
} from '#templates/pages/subscription';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler({ access: 'public', params: Params }, async ({ params, locale }) => {
  try {
    const { topic, used, expired } = await lookUpConfirmation(params.secret);
    if (used) return pageResult(200, subscriptionConfirmedPage({ topic, alreadyConfirmed: true }, locale));
    if (expired) return pageResult(410, subscriptionLinkProblemPage('EXPIRED', locale));
    return pageResult(
      200,
      confirmSubscriptionPage({ topic, action: pagePaths.subscriptionConfirmation(params.secret) }, locale),
    );
  } catch (error) {
    if (error instanceof NotFoundError)
      return pageResult(404, subscriptionLinkProblemPage('UNKNOWN', locale));
    throw error;
  }
});
