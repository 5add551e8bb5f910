/**
 * The agency's daily digest of new comments on a proposal in consultation (COMMENT_DIGEST: the
 * Taipei hour it goes out, default 09:00; `off` sends none):
 * 1. a comment received schedules the digest of its proposal's round at the next digest time: one
 *    named deadline per round, so the comments of a day share it (scheduling it again keeps the time);
 * 2. when it comes due, the round's comments received since the digest before are counted, and
 *    those still unanswered, without loading them;
 * 3. the agency is mailed once per digest time: the mail's idempotency key is the digest's name and
 *    time, so a deadline fired twice (a retry, a restart) sends one mail.
 * The deadline lives in the scheduler (the table locally, EventBridge Scheduler on AWS), so a
 * restart loses no digest.
 */
import { digestWindow, dueDigestAt, nextDigestAt } from '#domain/comment-digest';
import { currentClock } from '#ports/clock';
import { commentRepository } from '#ports/comment-repository';
import { type ProposalRecord } from '#ports/proposal-repository';
import { scheduler } from '#ports/adapters';
import { deadlineName, type DeadlinePayload } from '#ports/scheduler';
import { commentDigestMail } from '#templates/mail/consultation-mails';
import type { DeadlineHandler } from './deadline-handler.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { commentDigestHour } from './settings.ts';

const digestOf = (proposal: ProposalRecord): DeadlinePayload => ({
  kind: 'COMMENT_DIGEST',
  proposalId: proposal.id,
  version: proposal.version,
  round: proposal.consultation?.round ?? 1,
});

/** After a comment is stored: the digest of its round at the next digest time. */
export async function scheduleCommentDigest(proposal: ProposalRecord, receivedAt: Date): Promise<void> {
  const hour = commentDigestHour();
  if (hour === undefined) return;
  const payload = digestOf(proposal);
  await (
    await scheduler()
  ).schedule({ name: deadlineName(payload), at: nextDigestAt(receivedAt, hour).toISOString(), payload });
}

export const commentDigest: DeadlineHandler = async (proposal, deadline) => {
  const hour = commentDigestHour();
  if (hour === undefined || !proposal.consultation || proposal.consultation.round !== deadline.round) {
    return 'NOTHING_TO_DO';
  }
  const at = dueDigestAt(currentClock().now(), hour);
  const window = digestWindow(at);
  const [received, counts] = await Promise.all([
    commentRepository.countCommentsReceived(proposal.id, deadline.round, window),
    commentRepository.countRoundComments(proposal.id, deadline.round),
  ]);
  if (received === 0) return 'NOTHING_TO_DO';
  await mailAgency(
    proposal.agencyId,
    commentDigestMail({
      proposal,
      received,
      total: counts.total,
      unanswered: counts.unanswered,
      after: window.after.toISOString(),
      upTo: window.upTo.toISOString(),
      commentsUrl: `${links.proposal(proposal.id)}#comments`,
    }),
    `${deadlineName(deadline)}@${at.toISOString()}`,
  );
  return 'RELEASED';
};
