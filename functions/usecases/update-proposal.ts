/**
 * The one way proposals change after drafting: read, decide, write conditionally on the revision
 * read, and record an audit event. A write that loses a race is retried on fresh state a few
 * times, so that system steps (a deadline, the workflow storing its token) never fail merely
 * because an agency edited something at the same moment.
 */
import { NotFoundError } from '#domain/errors';
import type { AuditEvent } from '#domain/records';
import { currentClock } from '#ports/clock';
import { newAuditEvent, proposalRepository } from '#ports/proposal-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { log } from '#ports/log';
import { updateWithRetry } from '#ports/update-with-retry';

export interface Change {
  next: ProposalRecord;
  event?: { type: string; actor: AuditEvent['actor']; detail?: Record<string, unknown> };
}

/**
 * `decide` gets the current record and returns the change, or `undefined` when nothing needs to
 * change (the step already happened: idempotent). It may throw a domain error to refuse.
 */
export async function updateProposal(
  id: string,
  decide: (current: ProposalRecord, now: Date) => Change | undefined | Promise<Change | undefined>,
  attempts = 5,
): Promise<{ proposal: ProposalRecord; changed: boolean }> {
  const written = await updateWithRetry(
    attempts,
    async () => {
      const found = await proposalRepository.get(id);
      if (!found) throw new NotFoundError('Fee proposal', id);
      await proposalRepository.settleLastEvent(found.value);
      const now = currentClock().now();
      const change = await decide(found.value, now);
      if (!change) return { proposal: found.value };
      const event =
        change.event &&
        newAuditEvent({
          proposalId: id,
          at: now.toISOString(),
          actor: change.event.actor,
          type: change.event.type,
          proposalVersion: change.next.version,
          detail: change.event.detail,
        });
      const { lastEvent: _previous, ...changed } = change.next;
      const next: ProposalRecord = {
        ...changed,
        updatedAt: now.toISOString(),
        ...(event && { lastEvent: event }),
      };
      const revision = await proposalRepository.replace(next, found.revision);
      return { proposal: next, change: { previous: found.value, revision, event } };
    },
    (error) => error.code === 'PROPOSAL_CHANGED',
  );
  if (!written.change) return { proposal: written.proposal, changed: false };
  const { previous, revision, event } = written.change;
  if (event) await recordOrUndo(event, () => proposalRepository.restore(previous, revision));
  return { proposal: written.proposal, changed: true };
}

/**
 * Writes the audit event of a change just written. Without transactions the two are separate
 * writes: when the event cannot be written (the table is throttling or failing), the change is
 * taken back, so that the caller's 503 means nothing happened and a retry starts clean. Should the
 * undo fail as well, the change stays, and its event with it when the record keeps `lastEvent`.
 */
export async function recordOrUndo(event: AuditEvent, undo: () => Promise<unknown>): Promise<AuditEvent> {
  try {
    await proposalRepository.recordEvent(event);
    return event;
  } catch (error) {
    await undo().catch((undoError: unknown) =>
      log.error('change kept without its audit event written', {
        proposalId: event.proposalId,
        type: event.type,
        error: undoError instanceof Error ? undoError.message : String(undoError),
      }),
    );
    throw error;
  }
}
