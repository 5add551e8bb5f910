/**
 * Writes many comments of one consultation round straight through the repository, in parallel
 * batches: the way to give a test or a benchmark thousands of comments in seconds, where posting
 * them over HTTP (verification, rate limits, idempotency) would take minutes.
 */
import { ulid } from 'ulid';
import { campaignKey } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';
import { commentRepository } from '#ports/comment-repository';

const BATCH = 50;

export interface SeedCommentsOptions {
  proposalId: string;
  round?: number;
  version?: number;
  receivedAt: string;
  /** The text of the comment at an index (default: a short distinct text per comment). */
  body?: (index: number) => string;
  /** The author of the comment at an index (default: anonymous). */
  author?: (index: number) => ConsultationComment['author'];
  /** The answer already given to the comment at an index, if any. */
  disposition?: (index: number) => ConsultationComment['disposition'];
}

/** Stores `count` comments, oldest first, and returns them. */
export async function seedComments(
  count: number,
  options: SeedCommentsOptions,
): Promise<ConsultationComment[]> {
  const time = Date.parse(options.receivedAt);
  const comments = Array.from({ length: count }, (_, i): ConsultationComment => {
    const body = options.body?.(i) ?? `第 ${i + 1} 則意見：請說明每筆資料的成本計算方式。`;
    const disposition = options.disposition?.(i);
    return {
      id: ulid(time + i),
      proposalId: options.proposalId,
      proposalVersion: options.version ?? 1,
      round: options.round ?? 1,
      body,
      author: options.author?.(i) ?? {},
      emailVerified: false,
      campaignKey: campaignKey(body),
      receivedAt: new Date(time + i).toISOString(),
      ...(disposition ? { disposition } : {}),
    };
  });
  for (let start = 0; start < comments.length; start += BATCH) {
    await Promise.all(comments.slice(start, start + BATCH).map((c) => commentRepository.addComment(c)));
  }
  return comments;
}
