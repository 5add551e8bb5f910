/**
 * Reading proposals. Drafts are the agency's own working copies: to anyone else a draft does not
 * exist (see public-proposal.ts); the agency reads its own.
 */
import type { FeeProposal, ProposalStatus } from '#domain/fee-proposal';
import { ForbiddenError, NotFoundError } from '#domain/errors';
import { isPublicProposal, isPublicStatus } from '#domain/proposal-status';
import type { Principal } from '#domain/principal';
import { proposalRepository } from '#ports/proposal-repository';
import type { Versioned } from '#ports/versioned';
import { actsFor } from './access.ts';

export async function readFeeProposal(
  id: string,
  principal: Principal | undefined,
): Promise<Versioned<FeeProposal>> {
  const found = await proposalRepository.get(id);
  if (!found || (!isPublicProposal(found.value) && !actsFor(principal, found.value.agencyId))) {
    throw new NotFoundError('Fee proposal', id);
  }
  return found;
}

/** Submitted proposals only: a public route never sees a caller (only a route that takes a token verifies one). */
export async function listFeeProposals(query: {
  status: ProposalStatus;
  agencyId?: string;
  limit: number;
  cursor?: string;
}) {
  if (!isPublicStatus(query.status)) return { items: [] };
  const page = { status: query.status, limit: query.limit, cursor: query.cursor };
  const found = query.agencyId
    ? await proposalRepository.listByAgency(query.agencyId, page)
    : await proposalRepository.listByStatus(query.status, page);
  return { ...found, items: found.items.filter(isPublicProposal) };
}

/**
 * An agency's own proposals, drafts included: in one status, newest first, or in every status
 * (grouped by status, newest first within each).
 */
export async function listOwnFeeProposals(
  query: { status?: ProposalStatus; limit: number; cursor?: string },
  principal: Principal | undefined,
) {
  return proposalRepository.listByAgency(ownAgencyOf(principal), query);
}

/** The agency the caller acts for; the agency routes are for agency accounts alone. */
export function ownAgencyOf(principal: Principal | undefined): string {
  const agencyId = principal?.agencyId;
  if (!agencyId) throw new ForbiddenError('The token names no agency (custom:agency_id).', 'AGENCY_REQUIRED');
  return agencyId;
}
