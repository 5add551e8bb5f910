/**
 * POST /subscriptions/{secret}: the confirmation page's button (or JSON) starts the subscription.
 * A link confirmed before answers as confirmed; unknown 404, expired 410 (pages for the form).
 */
import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { confirmSubscription } from '#usecases/subscriptions';
import { subscriptionConfirmedPage, subscriptionLinkProblemPage } from '#templates/pages/subscription';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler(
  { access: 'public', params: Params, body: z.looseObject({}) },
  async ({ params, headers, locale }) => {
    const wantsJson = (headers['content-type'] ?? '').includes('json');
    try {
      const { topic, alreadyConfirmed } = await confirmSubscription(params.secret);
      return wantsJson
        ? json(200, { status: 'ACTIVE', alreadyConfirmed })
        : pageResult(200, subscriptionConfirmedPage({ topic, alreadyConfirmed }, locale));
    } catch (error) {
      if (wantsJson) throw error;
      if (error instanceof NotFoundError)
        return pageResult(404, subscriptionLinkProblemPage('UNKNOWN', locale));
      if (error instanceof GoneError) return pageResult(410, subscriptionLinkProblemPage('EXPIRED', locale));
      throw error;
    }
  },
);
