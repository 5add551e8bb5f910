/**
 * Reading the comments of one consultation round a page at a time: a round takes up to
 * `COMMENT_LIMITS.perRound` comments of up to 5,000 characters each, far more than a function
 * should hold at once, so nothing here loads them all.
 */
import { awaitsAnswer } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';
import { commentRepository } from '#ports/comment-repository';

/**
 * Comments per read: one round trip for a page of short comments; a page of long ones is cut at
 * DynamoDB's 1 MB per Query and read on from there, so memory holds at most about 1 MB of them.
 */
export const COMMENT_PAGE_SIZE = 100;

/** Every comment of every round, oldest first, one page in memory at a time. */
export async function* proposalComments(proposalId: string): AsyncGenerator<ConsultationComment> {
  let cursor: string | undefined;
  do {
    const page = await commentRepository.listCommentsPage(proposalId, { limit: COMMENT_PAGE_SIZE, cursor });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** Every comment of the round, oldest first, one page in memory at a time. */
export async function* roundComments(proposalId: string, round: number): AsyncGenerator<ConsultationComment> {
  for await (const comment of proposalComments(proposalId)) if (comment.round === round) yield comment;
}

/** The copies of one campaign text in the round (the comment itself among them), a page at a time. */
export async function* campaignCopies(
  proposalId: string,
  round: number,
  campaignKey: string,
): AsyncGenerator<ConsultationComment> {
  let cursor: string | undefined;
  do {
    const page = await commentRepository.listCampaignCopiesPage(proposalId, round, campaignKey, {
      limit: COMMENT_PAGE_SIZE,
      cursor,
    });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/**
 * Whether a comment of the round still waits for its answer. Reads the index of unanswered
 * comments and confirms each entry on the comment itself (the index may lag a just-written
 * answer), so it stops at the first comment truly unanswered: a handful of reads, not the round.
 */
export async function anyUnanswered(proposalId: string, round: number): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await commentRepository.listUnansweredCommentsPage(proposalId, round, {
      limit: 10,
      cursor,
    });
    for (const entry of page.items) {
      const current = await commentRepository.getComment(proposalId, entry.id);
      if (current && awaitsAnswer(current.value)) return true;
    }
    cursor = page.cursor;
  } while (cursor);
  return false;
}
