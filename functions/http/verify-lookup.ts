/**
 * GET /verify?number=…: the verify box's form. Sends the browser on (303) to the verify page of the
 * number typed, trimmed and in capitals as certificates print it; with no number, back to the box.
 */
import * as z from '#domain/zod';
import { pagePaths } from '#usecases/page-paths';
import { seeOther } from './forms.ts';
import { httpGetHandler } from './handler.ts';

const Query = z.object({ number: z.optional(z.string().check(z.maxLength(64))) });

export const handler = httpGetHandler({ access: 'public', query: Query }, async ({ query }) => {
  const number = (query.number ?? '').trim().toUpperCase();
  return seeOther(number ? pagePaths.verify(number) : `${pagePaths.home()}#verify`);
});
