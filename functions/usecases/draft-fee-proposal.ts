/**
 * Draft a fee-schedule proposal:
 * 1. the caller must act for the proposing agency;
 * 2. the fee rules are checked against the named datasets (ON_APPLICATION, the agency's own,
 *    charge ≤ documented cost, exception above marginal cost, consultation length), and the
 *    effective date may not be in the past;
 * 3. the draft is stored as version 1 and the audit trail records it.
 */
import { ulid } from 'ulid';
import type { FeeProposal, FeeProposalInput } from '#domain/fee-proposal';
import { assertEffectiveDate, assertFeeProposal } from '#domain/fee-rules';
import type { Dataset } from '#domain/dataset';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { datasetRepository } from '#ports/registry-repository';
import { newAuditEvent, proposalRepository } from '#ports/proposal-repository';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { taipeiDate } from '#domain/taipei-time';
import { consultationSettings } from './settings.ts';
import { recordOrUndo } from './update-proposal.ts';

export async function draftFeeProposal(
  input: FeeProposalInput,
  principal: Principal | undefined,
): Promise<FeeProposal> {
  requireActingFor(principal, input.agencyId);
  await checkAgainstDatasets(input);
  assertNotInPast(input);
  const now = currentClock().now().toISOString();
  const id = `fp-${ulid().toLowerCase()}`;
  const drafted = newAuditEvent({
    proposalId: id,
    at: now,
    actor: actorOf(principal),
    type: 'DRAFTED',
    proposalVersion: 1,
  });
  const proposal: FeeProposal = { ...input, id, status: 'DRAFT', version: 1, createdAt: now, updatedAt: now };
  await proposalRepository.create({ ...proposal, lastEvent: drafted });
  await recordOrUndo(drafted, () => proposalRepository.removeNew(id));
  return proposal;
}

/** A draft's effective date may not be in the past; at submission it is checked against the review. */
export function assertNotInPast(input: Pick<FeeProposalInput, 'effectiveFrom'>): void {
  assertEffectiveDate(input.effectiveFrom, {
    notBefore: taipeiDate(currentClock().now().toISOString()),
    because: 'TODAY',
  });
}

export async function checkAgainstDatasets(input: FeeProposalInput): Promise<void> {
  const found = await Promise.all(input.datasetIds.map((id) => datasetRepository.get(id)));
  const datasets = found
    .filter((d): d is { value: Dataset; revision: number } => d !== undefined)
    .map((d) => d.value);
  assertFeeProposal(input, { datasets, consultation: consultationSettings });
}
