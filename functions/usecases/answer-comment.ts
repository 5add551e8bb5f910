/**
 * The agency answers a comment (adopted, partly adopted or not adopted, with a reason):
 * 1. the caller must act for the proposal's agency;
 * 2. answers are accepted while the consultation runs and until the report is published (409 after);
 * 3. the comment's disposition is written conditionally, and the audit trail records it; copies of
 *    the same campaign text in the round are answered with it (a campaign is answered once);
 * 4. when that was the last open comment and the workflow waits for answers, it is released;
 * 5. the authors of the comments answered who asked to be informed are mailed the answer.
 */
import { ConflictError, NotFoundError } from '#domain/errors';
import type { Disposition } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { commentRepository } from '#ports/comment-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { updateWithRetry } from '#ports/update-with-retry';
import { actorOf } from './actors.ts';
import { anyUnanswered, campaignCopies } from './round-comments.ts';
import { releaseWaitingStep } from './workflow-steps.ts';
import { informOfAnswers } from './inform-commenters.ts';
import { loadOwnProposal } from './public-proposal.ts';

export async function answerComment(
  proposalId: string,
  commentId: string,
  input: Disposition,
  principal: Principal | undefined,
): Promise<ConsultationComment> {
  const found = await loadOwnProposal(proposalId, principal);
  if (found.value.status !== 'IN_CONSULTATION' && found.value.status !== 'AWAITING_RESPONSES') {
    throw new ConflictError(
      'REPORT_ALREADY_PUBLISHED',
      'Answers can no longer change: the consultation report is published.',
    );
  }
  const comment = await commentRepository.getComment(proposalId, commentId);
  if (!comment) throw new NotFoundError('Comment', commentId);

  const now = currentClock().now().toISOString();
  const answered: ConsultationComment = {
    ...comment.value,
    disposition: { ...input, answeredAt: now, answeredBy: principal?.sub ?? 'unknown' },
  };
  await commentRepository.replaceComment(answered, comment.revision);
  const copies = await answerCopies(answered);
  const copyIds = copies.map((c) => c.id);
  await proposalRepository.appendEvent({
    proposalId,
    at: now,
    actor: actorOf(principal),
    type: 'COMMENT_ANSWERED',
    proposalVersion: found.value.version,
    detail: { commentId, disposition: input.disposition, ...(copyIds.length > 0 ? { copyIds } : {}) },
  });

  const round = found.value.consultation?.round ?? answered.round;
  if (found.value.status === 'AWAITING_RESPONSES' && !(await anyUnanswered(proposalId, round))) {
    await releaseWaitingStep(proposalId, 'DISPOSITIONS', { answered: true });
  }
  await informOfAnswers(found.value.title, [answered, ...copies]);
  return answered;
}

/**
 * Gives the other copies of the answered comment's campaign text (same round) the same answer;
 * returns them as answered.
 */
async function answerCopies(answered: ConsultationComment): Promise<ConsultationComment[]> {
  const others: ConsultationComment[] = [];
  for await (const other of campaignCopies(answered.proposalId, answered.round, answered.campaignKey)) {
    if (other.id === answered.id) continue;
    const copy = await updateWithRetry(3, async () => {
      const current = await commentRepository.getComment(answered.proposalId, other.id);
      if (!current) return undefined;
      const answeredCopy = { ...current.value, disposition: answered.disposition! };
      await commentRepository.replaceComment(answeredCopy, current.revision);
      return answeredCopy;
    });
    if (copy) others.push(copy);
  }
  return others;
}
