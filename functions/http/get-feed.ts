/** GET /feed.atom: the Atom feed of consultations opened and decisions published, newest first. */
import { feedEntries } from '#usecases/feed-entries';
import { pagePaths } from '#usecases/page-paths';
import { atomFeed } from '#templates/atom';
import { httpGetHandler } from './handler.ts';

export const handler = httpGetHandler({ access: 'public' }, async ({ baseUrl, locale }) => ({
  status: 200,
  body: atomFeed(await feedEntries(), locale.lang, baseUrl, pagePaths.feed()),
  contentType: 'application/atom+xml; charset=utf-8',
}));
