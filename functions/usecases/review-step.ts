/**
 * What every step of the review workflow shares: the execution's proposal, version and round, the
 * stored proposal it works on, and whether the proposal has moved on since the execution began.
 * Each step lives in its own module so that a step's function bundles only what that step uses
 * (only the report and decision steps carry pdfkit and the font).
 */
import { ConflictError } from '#domain/errors';
import { proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';

export interface StepInput {
  proposalId: string;
  version: number;
  round: number;
}

export async function loadProposal(input: StepInput): Promise<ProposalRecord> {
  const found = await proposalRepository.get(input.proposalId);
  if (!found) throw new ConflictError('PROPOSAL_MISSING', `Proposal ${input.proposalId} is gone.`);
  return found.value;
}

/** Whether the stored proposal has moved on to another version or round than this execution's. */
export function superseded(proposal: ProposalRecord, input: StepInput): boolean {
  return proposal.version !== input.version || (proposal.consultation?.round ?? 0) !== input.round;
}
