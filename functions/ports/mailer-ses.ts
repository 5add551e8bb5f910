/**
 * Mail on AWS: SES v2 `SendEmail` with the raw MIME from `buildMime`, so SES sends exactly what
 * the local outbox shows. The From address must be a verified identity; a configuration set, when
 * given, routes delivery events (bounces, complaints) and applies the message tags.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { rethrowAsUnavailable } from './aws-faults.ts';
import { buildMime, senderDomain } from './mail-message.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

/** Created once per container and shared; tests inject their own. */
const defaultClient = new SESv2Client({ maxAttempts: 4 });

/** SES answers these when the account's sending rate or quota is exhausted or sending is paused. */
const SES_FAULTS = ['TooManyRequestsException', 'LimitExceededException', 'SendingPausedException'];

export interface SesMailerOptions {
  /** Verified sender, `Name <address>` or a bare address. */
  from: string;
  configurationSetName?: string;
  client?: SESv2Client;
  clock?: Clock;
}

export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly clock: Clock;

  constructor(private readonly options: SesMailerOptions) {
    this.client = options.client ?? defaultClient;
    this.clock = options.clock ?? systemClock;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const raw = await buildMime(mail, {
      from: this.options.from,
      date: this.clock.now(),
      messageId: `<${ulid()}@${senderDomain(this.options.from)}>`,
    });
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.options.from,
          Destination: { ToAddresses: mail.to },
          Content: { Raw: { Data: raw } },
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
 * SES accepts only ASCII letters, digits, `_` and `-` in tag names and values and refuses the
 * whole mail otherwise; a tag is for metrics, so it is made acceptable rather than losing the mail.
 */
function toSesTags(tags: Record<string, string>): { Name: string; Value: string }[] {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) || '_';
  return Object.entries(tags).map(([name, value]) => ({ Name: clean(name), Value: clean(value) }));
}
