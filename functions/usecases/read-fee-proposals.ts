/**
 * Reading proposals. Drafts are the agency's own working copies: to anyone else a draft does not
 * exist (404, not 403, so ids of unpublished drafts are not confirmed to strangers).
 */
import type { FeeProposal, ProposalStatus } from '#domain/fee-proposal';
import { NotFoundError } from '#domain/errors';
import type { Principal } from '#http/types';
import { proposalRepository } from '#ports/proposal-repository';
import type { Versioned } from '#ports/registry-repository';
import { actsFor } from './access.ts';

export async function readFeeProposal(
  id: string,
  principal: Principal | undefined,
): Promise<Versioned<FeeProposal>> {
  const found = await proposalRepository.get(id);
  if (!found || (found.value.status === 'DRAFT' && !actsFor(principal, found.value.agencyId))) {
    throw new NotFoundError('Fee proposal', id);
  }
  return found;
}

export async function listFeeProposals(
  query: { status: ProposalStatus; agencyId?: string; limit: number; cursor?: string },
  principal: Principal | undefined,
) {
  if (query.agencyId) {
    // An agency's drafts are listed only to that agency.
    const own = actsFor(principal, query.agencyId);
    if (query.status === 'DRAFT' && !own) return { items: [] };
    return proposalRepository.listByAgency(query.agencyId, {
      status: query.status,
      limit: query.limit,
      cursor: query.cursor,
    });
  }
  if (query.status === 'DRAFT') return { items: [] };
  return proposalRepository.listByStatus(query.status, { limit: query.limit, cursor: query.cursor });
}
