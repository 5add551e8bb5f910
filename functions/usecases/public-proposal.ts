/**
 * A proposal as the public sees it. A draft is the agency's private work: to anyone but the agency
 * it does not exist (404, not 403, so the id of an unpublished draft is not confirmed to strangers).
 */
import { NotFoundError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { isPublicProposal } from '#domain/proposal-status';
import { publicTrail } from '#domain/public-trail';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import type { Versioned } from '#ports/versioned';
import { requireActingFor } from './access.ts';

/** The proposal with its revision, or 404 when there is none or it is still a draft. */
export async function loadPublicProposal(id: string): Promise<Versioned<ProposalRecord>> {
  const found = await proposalRepository.get(id);
  if (!found || !isPublicProposal(found.value)) throw new NotFoundError('Fee proposal', id);
  return found;
}

/**
 * A published proposal its agency acts on (extends, answers, records a step): 404 as for anyone when
 * there is none or it is a draft, then 401/403 unless the principal acts for its agency.
 */
export async function loadOwnProposal(
  id: string,
  principal: Principal | undefined,
): Promise<Versioned<ProposalRecord>> {
  const found = await loadPublicProposal(id);
  requireActingFor(principal, found.value.agencyId);
  return found;
}

/** The proposal and its audit trail as the public sees it (votes by name once decided), oldest first. */
export async function loadPublicTrail(id: string) {
  const found = await loadPublicProposal(id);
  const events = await proposalRepository.listEvents(id, found.value.lastEvent);
  return { proposal: found.value, events: publicTrail(events, found.value.decision?.version) };
}
