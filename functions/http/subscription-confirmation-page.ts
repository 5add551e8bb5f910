/**
 * GET /subscriptions/{secret}: the page a confirmation link opens — what it subscribes to and the
 * button that confirms. It changes nothing (mail scanners open links). Unknown link 404, expired
 * 410, confirmed already: the page after confirming.
 */
import { pagePaths } from '#usecases/page-paths';
import { lookUpConfirmation } from '#usecases/subscriptions';
import {
  confirmSubscriptionPage,
  subscriptionConfirmedPage,
  subscriptionLinkProblemPage,
} from '#templates/pages/subscription';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { SUBSCRIPTION_LINK_ERRORS } from './subscription-link-errors.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpGetHandler(
  { access: 'public', params: SecretParam, pageErrors: SUBSCRIPTION_LINK_ERRORS.pages },
  async ({ params, locale }) => {
    const { topic, used, expired } = await lookUpConfirmation(params.secret);
    if (used) return pageResult(200, subscriptionConfirmedPage({ topic, alreadyConfirmed: true }, locale));
    if (expired) return pageResult(410, subscriptionLinkProblemPage('EXPIRED', locale));
    return pageResult(
      200,
      confirmSubscriptionPage({ topic, action: pagePaths.subscriptionConfirmation(params.secret) }, locale),
    );
  },
);
