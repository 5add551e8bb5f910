/**
 * GET /unsubscribe/{secret}: the page a mail's unsubscribe link opens — what it ends and the button.
 * It changes nothing (mail scanners open links; a mail program's one-click button POSTs).
 * Unknown link 404, too old 410.
 */
import { pagePaths } from '#usecases/page-paths';
import { lookUpUnsubscribe } from '#usecases/subscriptions';
import { unsubscribePage } from '#templates/pages/subscription';
import { httpGetHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { SUBSCRIPTION_LINK_ERRORS } from './subscription-link-errors.ts';
import { SecretParam } from './path-params.ts';

export const handler = httpGetHandler(
  { access: 'public', params: SecretParam, pageErrors: SUBSCRIPTION_LINK_ERRORS.pages },
  async ({ params, locale }) => {
    const { topic, active } = await lookUpUnsubscribe(params.secret);
    return pageResult(
      200,
      unsubscribePage({ topic, active, action: pagePaths.unsubscribe(params.secret) }, locale),
    );
  },
);
