/**
 * The MIME of an outbox mail (`.eml`), as a mail client opens it. Only the local outbox builds
 * MIME: SES builds its own from the same fields, and nodemailer stays out of the AWS bundles.
 * Mails are mostly Traditional Chinese: headers are RFC 2047 encoded-words and bodies base64 in
 * UTF-8 (quoted-printable would triple every CJK byte and break long links in the middle), with a
 * multipart/alternative when an HTML part is given.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from './mailer.ts';

export interface MimeEnvelope {
  /** `Name <address>` or a bare address; the display name may be Chinese. */
  from: string;
  date: Date;
  /** The full Message-ID header value, angle brackets included: `<id@domain>`. */
  messageId: string;
}

export async function buildMime(mail: OutgoingMail, envelope: MimeEnvelope): Promise<Buffer> {
  if (mail.to.length === 0) throw new Error('A mail needs at least one recipient.');
  const composer = new MailComposer({
    from: envelope.from,
    to: mail.to,
    replyTo: mail.replyTo,
    headers: mail.headers,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: envelope.date,
    messageId: envelope.messageId,
    textEncoding: 'base64',
    // Contents are always strings we rendered; never let a field be read as a file path or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/** The domain part of a From value, for Message-IDs that point at the sender. */
export function senderDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'localhost';
}
