/**
 * One send per idempotency key, on AWS as locally. SES takes no idempotency key, so without this a
 * workflow step retried after some of its mails went out (a throttle on a later one, a timeout)
 * would either send those again or, if it skipped its mails when retried, never send the rest. Each
 * keyed mail that went out is recorded in the table; a send whose key is recorded is answered with
 * the message id recorded and sends nothing.
 *
 * The record is written after the send, so a process that dies between the two sends that mail
 * once more on the retry, as does a record that fails to be written (the step fails and is
 * retried): at least once, never lost. Two sends of one key at the same instant (two
 * executions of one step) may both go out; the steps do not run concurrently for one proposal.
 */
import { ConflictError } from '#domain/errors';
import type { Clock } from './clock.ts';
import { createItem, getItem } from './dynamo/table.ts';
import { sentMailKeys } from './dynamo/keys.ts';
import type { Mailer } from './mailer.ts';

/**
 * Longer than any window in which one occasion is mailed again (a step's retries, a comment's
 * address confirmed days after its answer); then the table's TTL removes the record.
 */
const KEPT_SECONDS = 400 * 86_400;

interface SentMail {
  messageId: string;
  sentAt: string;
}

export function sendingOncePerKey(inner: Mailer, clock: Clock): Mailer {
  return {
    async send(mail) {
      const key = mail.idempotencyKey;
      if (key === undefined) return inner.send(mail);
      const sent = await getItem<SentMail>(sentMailKeys(key));
      if (sent) return { messageId: sent.data.messageId };
      const { messageId } = await inner.send(mail);
      const now = clock.now();
      try {
        await createItem<SentMail>(
          sentMailKeys(key),
          { messageId, sentAt: now.toISOString() },
          { code: 'MAIL_ALREADY_SENT', message: `A mail keyed ${key} was recorded as sent.` },
          { expiresAtEpoch: Math.floor(now.getTime() / 1000) + KEPT_SECONDS },
        );
      } catch (error) {
        // Another send of this key recorded first: both went out, and the mail is recorded.
        if (!(error instanceof ConflictError)) throw error;
      }
      return { messageId };
    },
  };
}
