/**
 * The comments of a proposal's consultation, kept beside the proposal in its partition (keys.ts).
 * Apart from the proposal repository, so that a handler that never reads a comment does not bundle
 * the comment queries and counts.
 */
import type { ConsultationComment } from '#domain/records';
import {
  countItems,
  countUpTo,
  createItem,
  deleteItem,
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
  proposalPartition,
  unansweredCommentsPartition,
} from './dynamo/keys.ts';
import type { Versioned } from './versioned.ts';

export const commentRepository = {
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
};
