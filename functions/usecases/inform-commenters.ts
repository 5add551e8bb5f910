/**
 * Keeping commenters informed who asked to be (the comment's `notify`): only addresses the
 * commenter confirmed get mail, so nobody can sign someone else up by typing their address.
 * - an answer goes to the author of the comment answered (and of each campaign copy answered with it);
 * - an extension or the decision goes once to each such address among the proposal's comments,
 *   whichever rounds they were made in, read a page of comments at a time.
 * Each mail has an idempotency key, so a retried step does not mail twice.
 */
import type { ConsultationComment } from '#domain/records';
import type { RenderedMail } from '#templates/mail/format';
import { mailer } from '#ports/adapters';
import { proposalComments } from './round-comments.ts';

/** The address a comment's author may be mailed at, or undefined when they did not ask or confirm. */
export function informedAddress(comment: ConsultationComment): string | undefined {
  return comment.notify && comment.emailVerified ? comment.author.email : undefined;
}

/** One mail to the author of each comment given who asked to be informed. */
export async function informAuthors(
  comments: readonly ConsultationComment[],
  mail: (comment: ConsultationComment) => RenderedMail,
  key: (comment: ConsultationComment) => string,
): Promise<number> {
  const send = await mailer();
  let sent = 0;
  for (const comment of comments) {
    const address = informedAddress(comment);
    if (address === undefined) continue;
    await send.send({ to: [address], ...mail(comment), idempotencyKey: key(comment) });
    sent += 1;
  }
  return sent;
}

/**
 * One mail to every address that asked to be informed about the proposal (the first comment of
 * each address decides the mail's language). `key` names the occasion; the address completes it.
 */
export async function informCommenters(
  proposalId: string,
  mail: (comment: ConsultationComment) => RenderedMail,
  key: string,
): Promise<number> {
  const send = await mailer();
  const reached = new Set<string>();
  for await (const comment of proposalComments(proposalId)) {
    const address = informedAddress(comment);
    if (address === undefined || reached.has(address.toLowerCase())) continue;
    reached.add(address.toLowerCase());
    await send.send({ to: [address], ...mail(comment), idempotencyKey: `${key}-${address.toLowerCase()}` });
  }
  return reached.size;
}
