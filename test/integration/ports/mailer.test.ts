import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { mockClient } from 'aws-sdk-client-mock';
import {
  BadRequestException,
  SESv2Client,
  SendEmailCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError, ValidationError } from '#domain/errors';
import type { OutgoingMail } from '#ports/mailer';
import { OutboxMailer } from '#ports/mailer-outbox';
import { SesMailer } from '#ports/mailer-ses';
import { manualClock, useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();

const ballotLink =
  'https://ogdl.example.gov.tw/ballots/Qm9ndXMtc2VjcmV0LXZhbHVlLWZvci10ZXN0?lang=zh-TW&round=2';
const notice: OutgoingMail = {
  to: ['contact@moi.gov.tw', '委員 <member@example.tw>'],
  subject: '收費基準公開徵詢通知',
  text: `內政部「門牌地址資料」收費基準草案自即日起公開徵詢 61 日。\n請於截止前表示意見：${ballotLink}\n`,
  html: `<p>內政部「門牌地址資料」收費基準草案自即日起公開徵詢 61 日。</p><p><a href="${ballotLink}">表示意見</a></p>`,
  replyTo: 'ogdl-desk@example.gov.tw',
  tags: { kind: 'consultation-notice' },
};

const mailboxes = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((a) => a.value);
const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  mailboxes(field).map((v) => v.address);

describe('OutboxMailer', () => {
  it('sends nothing more to an address on its suppression list, as SES does after a bounce or complaint', async () => {
    const dir = await tempDir();
    const mailer = new OutboxMailer(dir, manualClock('2026-11-02T01:30:00.000Z'));
    expect(await mailer.suppress('委員 <Member@Example.tw>', 'BOUNCE')).toEqual({
      address: 'member@example.tw',
      reason: 'BOUNCE',
      at: '2026-11-02T01:30:00.000Z',
    });

    const { messageId } = await mailer.send(notice);
    expect(addresses((await simpleParser((await mailer.read(messageId))!)).to)).toEqual([
      'contact@moi.gov.tw',
    ]);
    await mailer.send({ ...notice, to: ['member@example.tw'] });
    expect((await mailer.list()).map((entry) => entry.to)).toEqual([['contact@moi.gov.tw']]);

    await mailer.suppress('contact@moi.gov.tw', 'COMPLAINT');
    await mailer.send(notice);
    expect(await mailer.list()).toHaveLength(1);
    expect((await mailer.suppressed()).map((s) => [s.address, s.reason])).toEqual([
      ['member@example.tw', 'BOUNCE'],
      ['contact@moi.gov.tw', 'COMPLAINT'],
    ]);
  });

  it('writes a mail that a mail client reads back exactly: recipients, Chinese subject, both bodies, the link', async () => {
    const dir = await tempDir();
    const clock = manualClock('2026-11-02T01:30:00.000Z');
    const mailer = new OutboxMailer(dir, clock, { from: 'OGDL 收費審議 <no-reply@ogdl.example.gov.tw>' });

    const { messageId } = await mailer.send(notice);
    const raw = await mailer.read(messageId);
    const parsed = await simpleParser(raw!);

    expect(addresses(parsed.to)).toEqual(['contact@moi.gov.tw', 'member@example.tw']);
    expect(parsed.subject).toBe('收費基準公開徵詢通知');
    expect(parsed.text).toBe(notice.text);
    expect(parsed.html).toBe(notice.html);
    expect(parsed.text).toContain(ballotLink);
    expect(addresses(parsed.replyTo)).toEqual(['ogdl-desk@example.gov.tw']);
    expect(parsed.from?.value[0]).toEqual({ name: 'OGDL 收費審議', address: 'no-reply@ogdl.example.gov.tw' });
    expect(parsed.messageId).toBe(`<${messageId}@ogdl.example.gov.tw>`);
    expect(parsed.date?.toISOString()).toBe('2026-11-02T01:30:00.000Z');
    // Only encoded-words and base64 on the wire: any 7-bit relay passes it unchanged.
    expect(raw!.every((byte) => byte < 0x80)).toBe(true);
    expect(raw!.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
  });

  it('sends a text-only mail as a single text/plain part', async () => {
    const mailer = new OutboxMailer(await tempDir(), manualClock('2026-11-02T00:00:00Z'));
    const { messageId } = await mailer.send({
      to: ['a@example.tw'],
      subject: '意見確認',
      text: '請確認您的意見。',
    });

    const parsed = await simpleParser((await mailer.read(messageId))!);

    expect(parsed.html).toBe(false);
    expect(parsed.text).toBe('請確認您的意見。');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
  });

  it('lists mails newest first with recipients, subject and sending time, also several within one millisecond', async () => {
    const clock = manualClock('2026-11-02T00:00:00.000Z');
    const mailer = new OutboxMailer(await tempDir(), clock);
    const first = await mailer.send({ ...notice, subject: '第一封' });
    clock.advance(60_000);
    const second = await mailer.send({ ...notice, subject: '第二封' });
    const third = await mailer.send({ ...notice, to: ['x@example.tw'], subject: '第三封' });

    const listed = await mailer.list();

    expect(listed).toEqual([
      { id: third.messageId, to: ['x@example.tw'], subject: '第三封', sentAt: '2026-11-02T00:01:00.000Z' },
      { id: second.messageId, to: notice.to, subject: '第二封', sentAt: '2026-11-02T00:01:00.000Z' },
      { id: first.messageId, to: notice.to, subject: '第一封', sentAt: '2026-11-02T00:00:00.000Z' },
    ]);
  });

  it('lists nothing before the first mail, even when the folder does not exist yet', async () => {
    const mailer = new OutboxMailer(join(await tempDir(), 'not-yet'), manualClock('2026-11-02T00:00:00Z'));

    expect(await mailer.list()).toEqual([]);
  });

  it('answers a second send with the same idempotency key with the first message id and writes nothing', async () => {
    const dir = await tempDir();
    const clock = manualClock('2026-11-02T00:00:00Z');
    const mailer = new OutboxMailer(dir, clock);
    const first = await mailer.send({ ...notice, idempotencyKey: 'notice-fp-1-v1-r1' });
    const filesAfterFirst = (await readdir(dir, { recursive: true })).sort();

    clock.advance(5_000);
    const retry = await mailer.send({ ...notice, idempotencyKey: 'notice-fp-1-v1-r1' });
    const afterRestart = await new OutboxMailer(dir, clock).send({
      ...notice,
      idempotencyKey: 'notice-fp-1-v1-r1',
    });
    const filesAfterRetries = (await readdir(dir, { recursive: true })).sort();
    const other = await mailer.send({ ...notice, idempotencyKey: 'notice-fp-1-v1-r2' });

    expect(retry.messageId).toBe(first.messageId);
    expect(afterRestart.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect((await mailer.list()).map((m) => m.id)).toEqual([other.messageId, first.messageId]);
    expect(filesAfterRetries).toEqual(filesAfterFirst);
  });

  it('sends one mail when the same key is sent many times at once', async () => {
    const mailer = new OutboxMailer(await tempDir(), manualClock('2026-11-02T00:00:00Z'));

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        mailer.send({ ...notice, idempotencyKey: 'extended-fp-1-2026-12-31T16:00:00.000Z' }),
      ),
    );

    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(await mailer.list()).toHaveLength(1);
  });

  it('delivers under the claimed id when a keyed send died before its mail was written', async () => {
    const dir = await tempDir();
    const mailer = new OutboxMailer(dir, manualClock('2026-11-02T00:00:00Z'));
    const first = await mailer.send({ ...notice, idempotencyKey: 'k-crash' });
    // What a crash between claiming the key and writing the mail leaves behind: the claim alone.
    await rm(join(dir, `${first.messageId}.eml`));
    await rm(join(dir, `${first.messageId}.json`));

    const retry = await mailer.send({ ...notice, idempotencyKey: 'k-crash' });

    expect(retry.messageId).toBe(first.messageId);
    expect((await mailer.list()).map((m) => m.id)).toEqual([first.messageId]);
    expect((await simpleParser((await mailer.read(first.messageId))!)).subject).toBe(notice.subject);
  });

  it('refuses to read anything that is not an outbox id, and answers undefined for an unknown one', async () => {
    const dir = await tempDir();
    const mailer = new OutboxMailer(join(dir, 'outbox'), manualClock('2026-11-02T00:00:00Z'));
    const { messageId } = await mailer.send(notice);

    for (const id of [
      '../outbox/' + messageId,
      `${messageId}.json`,
      '../../etc/passwd',
      '/etc/passwd',
      messageId.toLowerCase(),
      'keys/x',
      '..\\x',
      '',
    ]) {
      await expect(mailer.read(id), id).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await mailer.read('01KA0000000000000000000000')).toBeUndefined();
  });
});

describe('SesMailer', () => {
  const client = new SESv2Client({
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const ses = mockClient(client);

  it('sends what the outbox writes as simple UTF-8 content, from the configured sender and configuration set', async () => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018c-ses-id' });
    const from = 'OGDL 收費審議 <no-reply@ogdl.example.gov.tw>';
    const mailer = new SesMailer({ from, configurationSetName: 'ogdl-mail', client });

    const { messageId } = await mailer.send(notice);

    expect(messageId).toBe('0100018c-ses-id');
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call!.args[0].input;
    expect(input).toMatchObject({
      ConfigurationSetName: 'ogdl-mail',
      EmailTags: [{ Name: 'kind', Value: 'consultation-notice' }],
      Content: {
        Simple: {
          Subject: { Data: notice.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: notice.text, Charset: 'UTF-8' },
            Html: { Data: notice.html, Charset: 'UTF-8' },
          },
        },
      },
    });
    expect(input.Content!.Raw).toBeUndefined();
    // The addresses as a mail client reads them, next to what the outbox wrote for the same mail.
    const fromSes = await simpleParser(
      [
        `From: ${input.FromEmailAddress}`,
        `To: ${input.Destination!.ToAddresses!.join(', ')}`,
        `Reply-To: ${input.ReplyToAddresses!.join(', ')}`,
        '',
        '',
      ].join('\r\n'),
    );
    const outbox = new OutboxMailer(await tempDir(), manualClock('2026-11-02T01:30:00.000Z'), { from });
    const fromOutbox = await simpleParser((await outbox.read((await outbox.send(notice)).messageId))!);
    for (const field of ['to', 'from', 'replyTo'] as const)
      expect(mailboxes(fromSes[field])).toEqual(mailboxes(fromOutbox[field]));
  });

  it('gives SES the List-Unsubscribe headers the outbox writes, as message headers', async () => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018c-ses-id' });
    const headers = {
      'List-Unsubscribe': '<https://ogdl.example.gov.tw/unsubscribe/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
    await new SesMailer({ from: 'no-reply@ogdl.example.gov.tw', client }).send({ ...notice, headers });

    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Content!.Simple!.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: headers['List-Unsubscribe'] },
      { Name: 'List-Unsubscribe-Post', Value: headers['List-Unsubscribe-Post'] },
    ]);
    const outbox = new OutboxMailer(await tempDir(), manualClock('2026-11-02T01:30:00.000Z'));
    const written = await simpleParser(
      (await outbox.read((await outbox.send({ ...notice, headers })).messageId))!,
    );
    expect(written.headerLines.map((h) => h.key)).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']),
    );
  });

  it('gives SES only 7-bit addresses: Chinese display names as encoded-words, however long', async () => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018c-ses-id' });
    const longName = '國家發展委員會資訊管理處開放資料推動小組收費基準審議聯絡窗口';
    const mailer = new SesMailer({ from: `"${longName}" <no-reply@ogdl.example.gov.tw>`, client });

    await mailer.send({ ...notice, to: ['委員 <member@example.tw>', 'plain@example.tw'] });

    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    const values = [input.FromEmailAddress!, ...input.Destination!.ToAddresses!];
    for (const value of values) expect(value).toMatch(/^[\x20-\x7e]+$/);
    for (const word of input.FromEmailAddress!.match(/=\?[^?]+\?B\?[^?]*\?=/g)!)
      expect(word.length).toBeLessThanOrEqual(75);
    const parsed = await simpleParser(`From: ${values[0]}\r\nTo: ${values.slice(1).join(', ')}\r\n\r\n`);
    expect(parsed.from?.value).toEqual([{ name: longName, address: 'no-reply@ogdl.example.gov.tw' }]);
    expect(addresses(parsed.to)).toEqual(['member@example.tw', 'plain@example.tw']);
    expect(mailboxes(parsed.to)[0]!.name).toBe('委員');
    expect(input.Destination!.ToAddresses![1]).toBe('plain@example.tw');
  });

  it('turns SES throttling into ServiceUnavailableError and lets a refused message surface as itself', async () => {
    ses.reset();
    const mailer = new SesMailer({ from: 'no-reply@ogdl.example.gov.tw', client });
    ses
      .on(SendEmailCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} }))
      .rejectsOnce(new BadRequestException({ message: 'Illegal address', $metadata: {} }));

    await expect(mailer.send(notice)).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(mailer.send(notice)).rejects.toBeInstanceOf(BadRequestException);
  });
});
