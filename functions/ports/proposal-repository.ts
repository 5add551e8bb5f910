/**
 * Fee proposals with their audit events (their comments: comment-repository.ts). Every change of a
 * proposal is one conditional write that names the revision it read, so two racing requests cannot
 * both win.
 */
import { ulid } from 'ulid';
import { ConflictError } from '#domain/errors';
import type { FeeProposal } from '#domain/fee-proposal';
import type { AuditEvent, DecisionRecord, ProposalServiceFields, ReviewState } from '#domain/records';
import {
  createItem,
  deleteItem,
  getItem,
  getVersioned,
  queryAll,
  queryPage,
  replaceItem,
} from './dynamo/table.ts';
import type { Page } from './dynamo/table.ts';
import {
  eventKeys,
  eventPrefix,
  proposalKey,
  proposalKeys,
  proposalPartition,
  proposalsByStatusPartition,
  proposalsByStatusStart,
  proposalsOfAgencyPartition,
  proposalsOfAgencyStatusPrefix,
} from './dynamo/keys.ts';
import type { Versioned } from './versioned.ts';

/** Where a proposal stands in the list of its status (listByStatusWithin continues after it). */
export const statusListPosition = (p: FeeProposal): string => proposalKeys(p).gsi1sk!;

/** The stored proposal: the contract's fields plus the service's own bookkeeping. */
export type ProposalRecord = FeeProposal &
  ProposalServiceFields & { review?: ReviewState; decision?: DecisionRecord };

const proposalChanged = (id: string) => ({
  code: 'PROPOSAL_CHANGED',
  message: `Fee proposal '${id}' was changed by another request; read it again and retry.`,
});

export const proposalRepository = {
  async create(proposal: ProposalRecord): Promise<void> {
    await createItem(proposalKeys(proposal), proposal, {
      code: 'PROPOSAL_EXISTS',
      message: `Fee proposal '${proposal.id}' already exists.`,
    });
  },

  async get(id: string): Promise<Versioned<ProposalRecord> | undefined> {
    return getVersioned<ProposalRecord>(proposalKey(id));
  },

  /** Writes the new state of a proposal if nobody changed it since `expectedRevision` was read. */
  async replace(proposal: ProposalRecord, expectedRevision: number): Promise<number> {
    return replaceItem(proposalKeys(proposal), proposal, expectedRevision, proposalChanged(proposal.id));
  },

  /** Takes back a proposal just created (revision 1) whose audit event could not be written. */
  async removeNew(id: string): Promise<void> {
    await deleteItem(proposalKey(id), 1, proposalChanged(id));
  },

  /**
   * Puts back the record a change replaced when the change's audit event could not be written;
   * only if nothing changed it since (`revisionOfChange` is the revision the change wrote).
   */
  async restore(previous: ProposalRecord, revisionOfChange: number): Promise<number> {
    return replaceItem(proposalKeys(previous), previous, revisionOfChange, proposalChanged(previous.id));
  },

  /** Proposals in a status, by consultation closing date (newest first by default). */
  async listByStatus(
    status: string,
    page: { limit?: number; cursor?: string; oldestFirst?: boolean } = {},
  ): Promise<Page<FeeProposal>> {
    const result = await queryPage<FeeProposal>({
      index: 'gsi1',
      partition: proposalsByStatusPartition(status),
      newestFirst: !page.oldestFirst,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /**
   * One page of the proposals in a status whose consultation closes (before it: that were created)
   * within `period` (ISO instants, inclusive), newest first, continuing after the position `after`
   * (a `statusListPosition`). `more` says whether the index holds more of them.
   */
  async listByStatusWithin(
    status: string,
    period: [string, string],
    page: { limit: number; after?: string },
  ): Promise<{ items: FeeProposal[]; more: boolean }> {
    const result = await queryPage<FeeProposal>({
      index: 'gsi1',
      partition: proposalsByStatusPartition(status),
      between: period,
      newestFirst: true,
      limit: page.limit,
      ...(page.after ? { startAfter: proposalsByStatusStart(status, page.after) } : {}),
    });
    return { items: result.items.map((i) => i.data), more: result.cursor !== undefined };
  },

  async listByAgency(
    agencyId: string,
    page: { status?: string; limit?: number; cursor?: string } = {},
  ): Promise<Page<FeeProposal>> {
    const result = await queryPage<FeeProposal>({
      index: 'gsi2',
      partition: proposalsOfAgencyPartition(agencyId),
      prefix: page.status ? proposalsOfAgencyStatusPrefix(page.status) : undefined,
      newestFirst: true,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /** Appends to the audit trail; events are never changed or removed. */
  async appendEvent(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const stored = newAuditEvent(event);
    await this.recordEvent(stored);
    return stored;
  },

  /** Writes an event with its id; one already in the trail (a retried write) is no error. */
  async recordEvent(event: AuditEvent): Promise<void> {
    try {
      await createItem(eventKeys(event.proposalId, event.id), event, {
        code: 'EVENT_EXISTS',
        message: `Audit event '${event.id}' already exists.`,
      });
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'EVENT_EXISTS')) throw error;
    }
  },

  /**
   * Before a change replaces a record, makes sure the trail holds the record's copy of its last
   * event (a process stopped between that change's two writes left it on the record only). Read
   * first: the event is nearly always there, and a read is cheaper than a refused write.
   */
  async settleLastEvent(proposal: ProposalRecord): Promise<void> {
    const event = proposal.lastEvent;
    if (!event || (await getItem<AuditEvent>(eventKeys(event.proposalId, event.id)))) return;
    await this.recordEvent(event);
  },

  /**
   * A proposal's audit trail, oldest first; `lastEvent` (the proposal's own copy of its latest
   * change's event) is shown in its place when a stopped process did not get to write it.
   */
  async listEvents(proposalId: string, lastEvent?: AuditEvent): Promise<AuditEvent[]> {
    const events = (
      await queryAll<AuditEvent>({ partition: proposalPartition(proposalId), prefix: eventPrefix })
    ).map((i) => i.data);
    if (!lastEvent || events.some((e) => e.id === lastEvent.id)) return events;
    return [...events, lastEvent].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  },
};

/** A new audit event; its id is a ULID of the event's time, so the trail sorts by time. */
export function newAuditEvent(event: Omit<AuditEvent, 'id'>): AuditEvent {
  return { id: ulid(Date.parse(event.at)), ...event };
}
