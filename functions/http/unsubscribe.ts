/**
 * POST /unsubscribe/{secret}: ends the subscription — from the page's button, from a mail
 * program's one-click unsubscribe (RFC 8058: a form body `List-Unsubscribe=One-Click`, expecting
 * a 2xx), or as JSON. Ending one already ended answers the same.
 */
import * as z from '#domain/zod';
import { GoneError, NotFoundError } from '#domain/errors';
import { unsubscribe } from '#usecases/subscriptions';
import { subscriptionLinkProblemPage, unsubscribedPage } from '#templates/pages/subscription';
import { httpHandler } from './handler.ts';
import { pageResult } from './page-result.ts';
import { json } from './types.ts';

const Params = z.object({ secret: z.string().check(z.minLength(1), z.maxLength(200)) });

export const handler = httpHandler(
  { access: 'public', params: Params, body: z.looseObject({}) },
  async ({ params, headers, locale }) => {
    const wantsJson = (headers['content-type'] ?? '').includes('json');
    try {
      const { topic } = await unsubscribe(params.secret);
      return wantsJson
        ? json(200, { status: 'ENDED' })
        : pageResult(200, unsubscribedPage({ topic }, locale));
    } catch (error) {
      if (wantsJson) throw error;
      if (error instanceof NotFoundError)
        return pageResult(404, subscriptionLinkProblemPage('UNKNOWN', locale));
      if (error instanceof GoneError) return pageResult(410, subscriptionLinkProblemPage('EXPIRED', locale));
      throw error;
    }
  },
);
