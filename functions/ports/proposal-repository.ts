/**
 * Fee proposals with their comments and audit events. Every change of a proposal is one
 * conditional write that names the revision it read, so two racing requests cannot both win.
 */
import { ulid } from 'ulid';
import { ConflictError } from '#domain/errors';
import type { FeeProposal } from '#domain/fee-proposal';
import type {
  AuditEvent,
  ConsultationComment,
  DecisionRecord,
  ProposalServiceFields,
  ReviewState,
} from '#domain/records';
import {
  countItems,
  countUpTo,
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
  campaignCopiesPartition,
  commentCountKeys,
  commentKey,
  commentKeys,
  commentPrefix,
  commentsReceivedRange,
  eventKeys,
  eventPrefix,
  proposalKey,
  proposalKeys,
  proposalPartition,
  proposalsByStatusPartition,
  proposalsByStatusStart,
  proposalsOfAgencyPartition,
  proposalsOfAgencyStatusPrefix,
  unansweredCommentsPartition,
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

  async addComment(comment: ConsultationComment): Promise<void> {
    await createItem(commentKeys(comment), comment, {
      code: 'COMMENT_EXISTS',
      message: `Comment '${comment.id}' already exists.`,
    });
  },

  /** Takes back a comment just added (revision 1) whose audit event could not be written. */
  async removeNewComment(proposalId: string, commentId: string): Promise<void> {
    await deleteItem(commentKey(proposalId, commentId), 1, {
      code: 'COMMENT_CHANGED',
      message: `Comment '${commentId}' was changed by another request.`,
    });
  },

  async getComment(
    proposalId: string,
    commentId: string,
  ): Promise<Versioned<ConsultationComment> | undefined> {
    return getVersioned<ConsultationComment>(commentKey(proposalId, commentId));
  },

  async replaceComment(comment: ConsultationComment, expectedRevision: number): Promise<number> {
    return replaceItem(commentKeys(comment), comment, expectedRevision, {
      code: 'COMMENT_CHANGED',
      message: `Comment '${comment.id}' was changed by another request; read it again and retry.`,
    });
  },

  /**
   * Counts one more comment of a consultation round unless the round already took `max`; false
   * then. Counted before the comment is stored, so racing comments stop at exactly `max`.
   */
  async countComment(proposalId: string, round: number, max: number): Promise<boolean> {
    return countUpTo(commentCountKeys(proposalId, round), max);
  },

  /** One page of a proposal's comments, oldest first. */
  async listCommentsPage(
    proposalId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsultationComment>> {
    const result = await queryPage<ConsultationComment>({
      partition: proposalPartition(proposalId),
      prefix: commentPrefix,
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /** One page of the copies of one campaign text in a round (the comment itself among them), oldest first. */
  async listCampaignCopiesPage(
    proposalId: string,
    round: number,
    campaignKey: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsultationComment>> {
    const result = await queryPage<ConsultationComment>({
      index: 'gsi1',
      partition: campaignCopiesPartition(proposalId, round, campaignKey),
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /**
   * One page of a round's comments that had no answer when the index was last updated, oldest
   * first. The index follows the table a moment behind on AWS, so an entry may already be answered:
   * read the comment itself before relying on it.
   */
  async listUnansweredCommentsPage(
    proposalId: string,
    round: number,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsultationComment>> {
    const result = await queryPage<ConsultationComment>({
      index: 'gsi2',
      partition: unansweredCommentsPartition(proposalId, round),
      limit: page.limit,
      cursor: page.cursor,
    });
    return { items: result.items.map((i) => i.data), cursor: result.cursor };
  },

  /**
   * How many comments a round holds and how many of them still wait for an answer (by the index of
   * unanswered comments, which on AWS follows an answer a moment later), counted without loading them.
   */
  async countRoundComments(
    proposalId: string,
    round: number,
  ): Promise<{ total: number; unanswered: number }> {
    const [total, unanswered] = await Promise.all([
      countItems({
        partition: proposalPartition(proposalId),
        prefix: commentPrefix,
        where: { field: 'round', equals: round },
      }),
      countItems({ index: 'gsi2', partition: unansweredCommentsPartition(proposalId, round) }),
    ]);
    return { total, unanswered };
  },

  /**
   * How many comments of a round were received in a time window (after `after`, up to `upTo`): comment
   * ids are ULIDs, whose first ten characters are the time they were made, so the window is a key range.
   */
  async countCommentsReceived(
    proposalId: string,
    round: number,
    window: { after: Date; upTo: Date },
  ): Promise<number> {
    return countItems({
      partition: proposalPartition(proposalId),
      between: commentsReceivedRange(window.after, window.upTo),
      where: { field: 'round', equals: round },
    });
  },

  /** How many copies of one campaign text a round holds (the comment itself among them). */
  async countCampaignCopies(proposalId: string, round: number, campaignKey: string): Promise<number> {
    return countItems({ index: 'gsi1', partition: campaignCopiesPartition(proposalId, round, campaignKey) });
  },

  /** All comments of a proposal, oldest first (ids are time-ordered ULIDs). */
  async listComments(proposalId: string): Promise<ConsultationComment[]> {
    return (
      await queryAll<ConsultationComment>({ partition: proposalPartition(proposalId), prefix: commentPrefix })
    ).map((i) => i.data);
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
