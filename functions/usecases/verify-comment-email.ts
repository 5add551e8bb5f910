/**
 * A commenter confirms the address given with a comment. Opening the link (GET) changes nothing —
 * mail scanners open links — the page's button (POST) confirms:
 * 1. the secret must be known (404), unexpired and unused (410);
 * 2. the verification is marked used, then the comment marked verified (both conditional); a link
 *    used already marks the comment still unmarked (a confirmation stopped between the two writes);
 * 3. a commenter who asked to be informed now follows the proposal (subscriptions.ts), and hears an
 *    answer the agency gave before the address was confirmed (once: inform-commenters.ts).
 */
import { GoneError, NotFoundError } from '#domain/errors';
import { currentClock } from '#ports/clock';
import { commentVerificationRepository } from '#ports/comment-verification-repository';
import { commentRepository } from '#ports/comment-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { hashSecret, looksLikeSecret } from '#ports/secrets';
import { updateWithRetry } from '#ports/update-with-retry';
import { informOfAnswers } from './inform-commenters.ts';
import { activate } from './subscriptions.ts';

export async function lookUpVerification(secret: string) {
  const found = looksLikeSecret(secret)
    ? await commentVerificationRepository.get(hashSecret(secret))
    : undefined;
  if (!found) throw new NotFoundError('Verification link', 'given');
  const comment = await commentRepository.getComment(found.value.proposalId, found.value.commentId);
  if (!comment) throw new NotFoundError('Comment', found.value.commentId);
  const expired = currentClock().now().getTime() >= Date.parse(found.value.expiresAt);
  return {
    verification: found,
    comment: comment.value,
    expired,
    used: found.value.confirmedAt !== undefined,
  };
}

/** What the confirmation page shows: the comment, and the title of the proposal it is on. */
export async function verificationPageView(secret: string) {
  const found = await lookUpVerification(secret);
  const proposal =
    found.used || found.expired ? undefined : await proposalRepository.get(found.comment.proposalId);
  return { ...found, proposalTitle: proposal?.value.title ?? { zh: '' } };
}

export async function confirmCommentEmail(secret: string) {
  const { verification, comment, expired, used } = await lookUpVerification(secret);
  if (used) {
    if (!comment.emailVerified) await markVerified(comment);
    return { comment: { ...comment, emailVerified: true }, alreadyConfirmed: true };
  }
  if (expired) throw new GoneError('LINK_EXPIRED', 'This confirmation link has expired.');
  const now = currentClock().now().toISOString();
  await commentVerificationRepository.confirm(
    hashSecret(secret),
    { ...verification.value, confirmedAt: now },
    verification.revision,
  );
  await markVerified(comment);
  if (comment.notify && comment.author.email) {
    await activate(
      { kind: 'PROPOSAL', proposalId: comment.proposalId },
      comment.author.email,
      now,
      comment.lang,
    );
    await informOfEarlierAnswer(comment);
  }
  return { comment: { ...comment, emailVerified: true }, alreadyConfirmed: false };
}

/** The comment as it stands now, verified: answered already, its author hears the answer now. */
async function informOfEarlierAnswer(comment: { proposalId: string; id: string }): Promise<void> {
  const current = await commentRepository.getComment(comment.proposalId, comment.id);
  if (!current?.value.disposition) return;
  const proposal = await proposalRepository.get(comment.proposalId);
  if (proposal) await informOfAnswers(proposal.value.title, [current.value]);
}

/** An agency answering the comment at the same moment makes the write lose: read again and retry. */
async function markVerified(comment: { proposalId: string; id: string }): Promise<void> {
  await updateWithRetry(5, async () => {
    const current = await commentRepository.getComment(comment.proposalId, comment.id);
    if (!current || current.value.emailVerified) return;
    await commentRepository.replaceComment({ ...current.value, emailVerified: true }, current.revision);
  });
}
