/**
 * Edit a proposal (PUT, the whole body again):
 * 1. the caller must act for the proposal's agency, and the agency cannot change;
 * 2. only a DRAFT or a proposal with CHANGES_REQUESTED may be edited (else 409);
 * 3. the fee rules are checked again; the version goes up (earlier ballots bind to the old one);
 * 4. one conditional write on the revision that was read, then an audit event.
 */
import type { FeeProposalInput } from '#domain/fee-proposal';
import { isMaterialRevision } from '#domain/fee-proposal';
import { nextStatus } from '#domain/proposal-status';
import { NotFoundError, RuleViolationError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { newAuditEvent, proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { requireActingFor } from './access.ts';
import { actorOf } from './actors.ts';
import { assertNotInPast, checkAgainstDatasets } from './draft-fee-proposal.ts';
import { recordOrUndo } from './update-proposal.ts';

export async function editFeeProposal(
  id: string,
  input: FeeProposalInput,
  principal: Principal | undefined,
): Promise<ProposalRecord> {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  const { value: current, revision } = found;
  requireActingFor(principal, current.agencyId);
  if (input.agencyId !== current.agencyId) {
    throw new RuleViolationError(
      'AGENCY_CANNOT_CHANGE',
      'A proposal stays with the agency that drafted it.',
      [{ path: 'agencyId', message: `Must remain '${current.agencyId}'.`, rule: 'AGENCY_CANNOT_CHANGE' }],
    );
  }
  const status = nextStatus(current.status, 'EDIT');
  await checkAgainstDatasets(input);
  assertNotInPast(input);
  const now = currentClock().now().toISOString();
  // The body replaces every field the agency writes (an optional field left out is cleared);
  // what the service owns (consultation, report, last decision, workflow) is carried over.
  const version = current.version + 1;
  const event = newAuditEvent({
    proposalId: id,
    at: now,
    actor: actorOf(principal),
    type: 'EDITED',
    proposalVersion: version,
    detail: { materialChange: isMaterialRevision(current, input) },
  });
  const edited: ProposalRecord = {
    ...current,
    explanationUrl: undefined,
    consultationDays: undefined,
    urgencyReason: undefined,
    ...input,
    id: current.id,
    status,
    version,
    updatedAt: now,
    lastEvent: event,
  };
  await proposalRepository.settleLastEvent(current);
  const editedRevision = await proposalRepository.replace(edited, revision);
  await recordOrUndo(event, () => proposalRepository.restore(current, editedRevision));
  return edited;
}
