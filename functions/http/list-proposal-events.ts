import { httpGetHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { loadPublicTrail } from '#usecases/public-proposal';

/**
 * The audit trail of a submitted proposal: every transition, comment and answer, oldest first;
 * votes by name only once their decision is published. Its page is /consultations/{id}/events.
 */
export const handler = httpGetHandler({ access: 'public', params: IdParam }, async ({ params }) => {
  const { events } = await loadPublicTrail(params.id);
  return json(200, { items: events });
});
