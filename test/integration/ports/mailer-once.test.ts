// A keyed mail goes out once through SES, which itself takes no idempotency key: a step retried
// after some of its mails went out sends only the rest. SES is the local stand-in (infra/local/aws),
// which can throttle a call as SES does; the record of what went out is in dynalite.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { systemClock } from '#ports/clock';
import type { OutgoingMail } from '#ports/mailer';
import { sendingOncePerKey } from '#ports/mailer-once';
import { OutboxMailer } from '#ports/mailer-outbox';
import { SesMailer } from '#ports/mailer-ses';
import { startAwsStandIns, type AwsStandIns } from '#local/aws/server';
import { sesv2StandIn } from '#local/aws/sesv2';
import { createTestTable } from '../../support/table.ts';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();
let aws: AwsStandIns;
let outboxDir: string;
/** The stand-in throttles the SendEmail call that comes after this many more (once). */
let throttleAfter: number | undefined;

beforeAll(async () => {
  await createTestTable();
  outboxDir = await tempDir();
  aws = await startAwsStandIns([sesv2StandIn(outboxDir, systemClock)], ({ operation }) =>
    operation === 'SendEmail' && throttleAfter !== undefined && throttleAfter-- === 0
      ? { status: 429, code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' }
      : undefined,
  );
});
afterAll(() => aws?.close());

function sesMailer() {
  const client = new SESv2Client({
    region: 'ap-northeast-1',
    endpoint: aws.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return sendingOncePerKey(new SesMailer({ from: 'no-reply@ogdl.example.gov.tw', client }), systemClock);
}

const mail = (to: string, key?: string): OutgoingMail => ({
  to: [to],
  subject: '審議結果 Decision',
  text: '審議結果已公布。',
  ...(key === undefined ? {} : { idempotencyKey: key }),
});

const delivered = async (to: string) =>
  (await new OutboxMailer(outboxDir).list()).filter((m) => m.to.includes(to)).length;

/** A workflow step mailing three members, each mail by its own key. */
async function mailThreeMembers(run: string) {
  const mailer = sesMailer();
  for (const member of ['a', 'b', 'c'])
    await mailer.send(mail(`${member}-${run}@example.tw`, `outcome-${run}-${member}`));
}

describe('one send per idempotency key, through SES', () => {
  it('a step retried after its second mail was throttled sends the second and third once and the first not again', async () => {
    throttleAfter = 1;
    const first = mailThreeMembers('retry').then(
      () => 'finished',
      (error: unknown) => error,
    );
    expect(await first).toBeInstanceOf(ServiceUnavailableError);
    expect([await delivered('a-retry@example.tw'), await delivered('b-retry@example.tw')]).toEqual([1, 0]);

    await mailThreeMembers('retry');

    expect(await Promise.all(['a', 'b', 'c'].map((m) => delivered(`${m}-retry@example.tw`)))).toEqual([
      1, 1, 1,
    ]);
  });

  it('answers a repeated key with the message id of the mail that went out, and sends nothing', async () => {
    const mailer = sesMailer();
    const calls = () => aws.calls.filter((c) => c.operation === 'SendEmail').length;
    const sent = await mailer.send(mail('repeat@example.tw', 'repeat-1'));
    const before = calls();

    const again = await mailer.send(mail('repeat@example.tw', 'repeat-1'));

    expect(again.messageId).toBe(sent.messageId);
    expect(calls()).toBe(before);
    expect(await delivered('repeat@example.tw')).toBe(1);
  });

  it('sends a mail without a key every time it is sent', async () => {
    const mailer = sesMailer();

    await mailer.send(mail('unkeyed@example.tw'));
    await mailer.send(mail('unkeyed@example.tw'));

    expect(await delivered('unkeyed@example.tw')).toBe(2);
  });
});
