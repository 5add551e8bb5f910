/**
 * POST /subscriptions/{secret}: the confirmation page's button (or JSON) starts the subscription.
 * A link confirmed before answers as confirmed; unknown 404, expired 410 (pages for the form).
 */
import * as z from '#domain/zod';
import { confirmSubscription } from '#usecases/subscriptions';
import { subscriptionConfirmedPage } from '#templates/pages/subscription';
import { httpHandler } from './handler.ts';
import { wantsPage } from './page-errors.ts';
import { pageResult } from './page-result.ts';
import { SUBSCRIPTION_LINK_ERRORS } from './subscription-link-errors.ts';
import { json } from './types.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpHandler(
  {
    access: 'public',
    params: SecretParam,
    body: z.looseObject({}),
    pageErrors: SUBSCRIPTION_LINK_ERRORS.forms,
  },
  async ({ params, headers, locale }) => {
    const { topic, alreadyConfirmed } = await confirmSubscription(params.secret);
    return wantsPage(headers, 'forms')
      ? pageResult(200, subscriptionConfirmedPage({ topic, alreadyConfirmed }, locale))
      : json(200, { status: 'ACTIVE', alreadyConfirmed });
  },
);
