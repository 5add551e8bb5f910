/**
 * POST /unsubscribe/{secret}: ends the subscription — from the page's button, from a mail
 * program's one-click unsubscribe (RFC 8058: a form body `List-Unsubscribe=One-Click`, expecting
 * a 2xx), or as JSON. Ending one already ended answers the same.
 */
import * as z from '#domain/zod';
import { unsubscribe } from '#usecases/subscriptions';
import { unsubscribedPage } from '#templates/pages/subscription';
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
    const { topic } = await unsubscribe(params.secret);
    return wantsPage(headers, 'forms')
      ? pageResult(200, unsubscribedPage({ topic }, locale))
      : json(200, { status: 'ENDED' });
  },
);
