/**
 * Mail on AWS: SES v2 `SendEmail` with simple content (subject, text, HTML, all UTF-8), so SES
 * builds the MIME and no MIME library ships in the functions that mail. What a recipient reads
 * (recipients, reply-to, subject, both bodies) is what the local outbox shows; SES chooses the
 * transfer encoding and sets Date and Message-ID itself. The From address must be a verified
 * identity; a configuration set, when given, routes delivery events (bounces, complaints) and
 * applies the message tags.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { rethrowAsUnavailable } from './aws-faults.ts';
import { traced } from './tracing.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

/** Created once per container and shared; tests inject their own. */
const defaultClient = traced(new SESv2Client({ maxAttempts: 4 }));

/** SES answers these when the account's sending rate or quota is exhausted or sending is paused. */
const SES_FAULTS = ['TooManyRequestsException', 'LimitExceededException', 'SendingPausedException'];

const UTF8 = 'UTF-8';

export interface SesMailerOptions {
  /** Verified sender, `Name <address>` or a bare address; the name may be Chinese. */
  from: string;
  configurationSetName?: string;
  client?: SESv2Client;
}

export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(private readonly options: SesMailerOptions) {
    this.client = options.client ?? defaultClient;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (mail.to.length === 0) throw new Error('A mail needs at least one recipient.');
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: headerAddress(this.options.from),
          Destination: { ToAddresses: mail.to.map(headerAddress) },
          ReplyToAddresses: mail.replyTo === undefined ? undefined : [headerAddress(mail.replyTo)],
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: UTF8 },
              Body: {
                Text: { Data: mail.text, Charset: UTF8 },
                ...(mail.html === undefined ? {} : { Html: { Data: mail.html, Charset: UTF8 } }),
              },
              ...(mail.headers
                ? { Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })) }
                : {}),
            },
          },
          ConfigurationSetName: this.options.configurationSetName,
          EmailTags: mail.tags ? toSesTags(mail.tags) : undefined,
        }),
      );
      if (!result.MessageId) throw new Error('SES accepted the mail but returned no MessageId.');
      return { messageId: result.MessageId };
    } catch (error) {
      rethrowAsUnavailable(error, 'Mail delivery', SES_FAULTS);
    }
  }
}

/**
 * SES takes addresses as header values and accepts only 7-bit ASCII there: a display name such as
 * `OGDL 收費審議` must arrive as RFC 2047 encoded-words. ASCII values pass unchanged.
 */
export function headerAddress(value: string): string {
  const [, quoted = '', address] = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value) ?? [];
  const name = quoted.replace(/^"(.*)"$/, '$1');
  if (address === undefined || name === '' || /^[\x20-\x7e]*$/.test(name)) return value;
  return `${encodedWords(name)} <${address}>`;
}

/**
 * `=?UTF-8?B?…?=` words of at most 75 characters (RFC 2047 §2), each holding whole characters:
 * 45 UTF-8 bytes make 60 base64 characters, 72 with the markers.
 */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

/**
 * SES accepts only ASCII letters, digits, `_` and `-` in tag names and values and refuses the
 * whole mail otherwise; a tag is for metrics, so it is made acceptable rather than losing the mail.
 */
function toSesTags(tags: Record<string, string>): { Name: string; Value: string }[] {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) || '_';
  return Object.entries(tags).map(([name, value]) => ({ Name: clean(name), Value: clean(value) }));
}
