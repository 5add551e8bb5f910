import { publicTrail } from '#domain/public-trail';
import { proposalRepository } from '#ports/proposal-repository';
import { httpHandler } from './handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';
import { loadPublicProposal } from '#usecases/public-proposal';

/**
 * The audit trail of a submitted proposal: every transition, comment and answer, oldest first;
 * votes by name only once their decision is published.
 */
export const handler = httpHandler({ access: 'public', params: IdParam }, async ({ params }) => {
  const found = await loadPublicProposal(params.id);
  const events = await proposalRepository.listEvents(params.id, found.value.lastEvent);
  return json(200, { items: publicTrail(events, found.value.decision?.version) });
});
