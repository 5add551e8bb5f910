/**
 * SES v2 for the bundles: SendEmail with simple content, written to the local outbox as the local
 * mailer would write it, so the outbox page and the tests read what the bundles sent.
 */
import type { Clock } from '#ports/clock';
import { OutboxMailer } from '#ports/mailer-outbox';
import { bodyJson, json, restJsonError } from './protocol.ts';
import type { StandInService } from './protocol.ts';

interface SendEmail {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  ReplyToAddresses?: string[];
  Content: {
    Simple: { Subject: { Data: string }; Body: { Text: { Data: string }; Html?: { Data: string } } };
  };
  EmailTags?: { Name: string; Value: string }[];
}

/** The RFC 2047 words SES is sent in header values, read back as text. */
const decodeWords = (value: string) =>
  value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  );

export function sesv2StandIn(outboxDir: string, clock: Clock): StandInService {
  const outboxes = new Map<string, OutboxMailer>();
  return {
    name: 'sesv2',
    match: ({ method, segments }) =>
      method === 'POST' && segments.join('/') === 'v2/email/outbound-emails' ? 'SendEmail' : undefined,
    async run(request) {
      const mail = bodyJson<SendEmail>(request);
      const from = decodeWords(mail.FromEmailAddress);
      let outbox = outboxes.get(from);
      if (!outbox) outboxes.set(from, (outbox = new OutboxMailer(outboxDir, clock, { from })));
      const { Subject, Body } = mail.Content.Simple;
      const { messageId } = await outbox.send({
        to: mail.Destination.ToAddresses.map(decodeWords),
        replyTo: mail.ReplyToAddresses?.[0] === undefined ? undefined : decodeWords(mail.ReplyToAddresses[0]),
        subject: Subject.Data,
        text: Body.Text.Data,
        html: Body.Html?.Data,
        tags: mail.EmailTags && Object.fromEntries(mail.EmailTags.map((t) => [t.Name, t.Value])),
      });
      return json(200, { MessageId: messageId });
    },
    error: restJsonError,
  };
}
