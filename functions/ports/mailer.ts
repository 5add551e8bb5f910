/**
 * The mailer port: the service's only way out to people's inboxes. AWS sends through SES v2
 * (`mailer-ses.ts`); the local runtime writes `.eml` files to an outbox folder
 * (`mailer-outbox.ts`) that a page lists. Both send exactly the fields below and nothing else:
 * the outbox writes them as MIME (`mail-message.ts`), SES builds its MIME from the same fields, so
 * what a developer reads in the outbox is what a recipient would read.
 */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /**
   * Extra header fields, ASCII only: `List-Unsubscribe` and `List-Unsubscribe-Post` on the mails a
   * subscription brings (RFC 2369, RFC 8058), which mail programs offer as an unsubscribe button.
   */
  headers?: Record<string, string>;
  /** Name → value pairs for delivery metrics (SES message tags); never shown to the recipient. */
  tags?: Record<string, string>;
  /**
   * The same key twice means the same mail: a workflow task that is retried must not mail twice.
   * Honoured by the outbox; SES has no such parameter, so on AWS the caller's own step record
   * is what prevents a second send.
   */
  idempotencyKey?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}
