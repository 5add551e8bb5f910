/**
 * Keeping those informed who follow a proposal: a commenter who asked to be (the comment's
 * `notify`) is subscribed to the proposal once the comment's address is confirmed
 * (verify-comment-email.ts), so nobody can sign someone else up by typing their address, and
 * anyone may follow it by subscription (subscriptions.ts). Each mail carries its unsubscribe link.
 * - an answer goes to the author of each comment answered who still follows the proposal: when it
 *   is given, or — given before the author confirmed the address — on confirming it;
 * - an extension or the decision goes once to each follower.
 * Each mail has an idempotency key, so a retried step does not mail twice.
 */
import type { ConsultationComment } from '#domain/records';
import type { AgencyText } from '#templates/agency-text';
import type { Subscription, SubscriptionTopic } from '#domain/subscription';
import { commentAnsweredMail } from '#templates/mail/commenter-mails';
import type { RenderedMail } from '#templates/mail/format';
import { links } from './links.ts';
import { isSubscribed, mailSubscriber, mailSubscribers } from './subscriptions.ts';

const proposalTopic = (proposalId: string): SubscriptionTopic => ({ kind: 'PROPOSAL', proposalId });

/** The address a comment's author may be mailed at, or undefined when they did not ask or confirm. */
export function informedAddress(comment: ConsultationComment): string | undefined {
  return comment.notify && comment.emailVerified ? comment.author.email : undefined;
}

/** One mail to the author of each comment given who asked to be informed and still follows the proposal. */
async function informAuthors(
  comments: readonly ConsultationComment[],
  mail: (comment: ConsultationComment, unsubscribeUrl: string) => RenderedMail,
  key: (comment: ConsultationComment) => string,
): Promise<void> {
  for (const comment of comments) {
    const email = informedAddress(comment);
    const topic = proposalTopic(comment.proposalId);
    if (email === undefined || !(await isSubscribed(topic, email))) continue;
    await mailSubscriber({ topic, email }, (url) => mail(comment, url), key(comment));
  }
}

/**
 * The agency's answer to each of these comments, to its author (informAuthors). Keyed by the answer's
 * time, so each answer is mailed once however often this runs: on the answer and on a confirmation.
 */
export async function informOfAnswers(
  proposalTitle: AgencyText,
  comments: readonly ConsultationComment[],
): Promise<void> {
  await informAuthors(
    comments.filter((c) => c.disposition !== undefined),
    (c, unsubscribeUrl) =>
      commentAnsweredMail({
        proposalTitle,
        disposition: c.disposition!.disposition,
        reply: c.disposition!.reply,
        commentUrl: links.comment(c.proposalId, c.id),
        unsubscribeUrl,
        ...(c.lang ? { lang: c.lang } : {}),
      }),
    (c) => `answered-${c.id}-${c.disposition!.answeredAt}`,
  );
}

/** One mail to each follower of the proposal. */
export async function informFollowers(
  proposalId: string,
  mail: (subscription: Subscription, unsubscribeUrl: string) => RenderedMail,
  key: string,
): Promise<number> {
  return mailSubscribers([proposalTopic(proposalId)], mail, key);
}
