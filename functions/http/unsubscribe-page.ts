/**
 * GET /unsubscribe/{secret}: the page a mail's unsubscribe link opens — what it ends and the button.
 * It changes nothing (mail scanners open links; a mail program's one-click button POSTs).
 * Unknown link 404, too old 410.
 */
import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { pagePaths } from '#usecases/page-paths';
import { lookUpUnsubscribe } from '#usecases/subscriptions';
import { subscriptionLinkProblemPage, unsubscribePage } from '#templates/pages/subscription';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler({ access: 'public', params: Params }, async ({ params, locale }) => {
  try {
    const { topic, active } = await lookUpUnsubscribe(params.secret);
    return pageResult(
      200,
      unsubscribePage({ topic, active, action: pagePaths.unsubscribe(params.secret) }, locale),
    );
  } catch (error) {
    if (error instanceof NotFoundError)
      return pageResult(404, subscriptionLinkProblemPage('UNKNOWN', locale));
    if (error instanceof GoneError) return pageResult(410, subscriptionLinkProblemPage('EXPIRED', locale));
    throw error;
  }
});
