// Limits per client and per recipient, at their documented defaults: the 41st verification mail
// to one address in a day is refused and not sent; the 61st public write from one address in ten
// minutes is refused; racing requests stop at exactly the limit; a forwarded-for header buys no
// new quota; every refusal is 429 with Retry-After and the contract's error body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentRepository } from '#ports/comment-repository';
import { outbox } from '../support/outbox.ts';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;
let proposal: string;
const saved = {
  writes: process.env.RATE_LIMIT_PUBLIC_WRITES,
  mails: process.env.RATE_LIMIT_MAILS_PER_RECIPIENT,
};

beforeAll(async () => {
  w = await startWorld();
  proposal = await w.inConsultation();
  delete process.env.RATE_LIMIT_PUBLIC_WRITES;
  delete process.env.RATE_LIMIT_MAILS_PER_RECIPIENT;
});
afterAll(async () => {
  process.env.RATE_LIMIT_PUBLIC_WRITES = saved.writes;
  process.env.RATE_LIMIT_MAILS_PER_RECIPIENT = saved.mails;
  await w?.close();
});

/** A fresh window for every limit: the longest window is a day. */
const nextDay = () => w.flow.advance('P1D');

const comment = (email?: string, headers: Record<string, string> = {}) =>
  w.api.post(
    `/fee-proposals/${proposal}/comments`,
    { body: '收費過高，請重新檢討。', author: email ? { name: '陳民眾', email } : {} },
    undefined,
    headers,
  );

function expectRefusal(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.details).toEqual([]);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  return retryAfter;
}

const mailsTo = async (address: string) =>
  (await outbox(w.runtime.url)).filter((m) => m.to.includes(address)).length;

describe('per recipient', () => {
  it('refuses the 41st verification mail to one address in a day, sends none for it, stores no comment', async () => {
    await nextDay();
    const victim = 'victim@example.tw';
    const before = (await commentRepository.listComments(proposal)).length;
    for (let i = 0; i < 40; i++) expect((await comment(victim)).status).toBe(201);
    tried('rate limits', 40);
    const refused = await attempt('rate limits', () => comment(victim));
    const retryAfter = expectRefusal(refused);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await mailsTo(victim)).toBe(40);
    expect((await commentRepository.listComments(proposal)).length).toBe(before + 40);
    // Case and spacing make no new address.
    expectRefusal(await attempt('rate limits', () => comment('Victim@Example.TW')));
    // Another address is unaffected; the next day the victim can be mailed again.
    expect((await comment('someone-else@example.tw')).status).toBe(201);
    await nextDay();
    expect((await comment(victim)).status).toBe(201);
    expect(await mailsTo(victim)).toBe(41);
  });
});

describe('per source address', () => {
  it('refuses the 61st public write in ten minutes, whatever the forwarded-for header claims', async () => {
    await nextDay();
    for (let i = 0; i < 60; i++) expect((await comment()).status).toBe(201);
    tried('rate limits', 60);
    expectRefusal(await attempt('rate limits', () => comment()));
    const spoofed = await attempt('rate limits', () =>
      comment(undefined, { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' }),
    );
    expectRefusal(spoofed);
    // License requests and ballots are public writes too.
    expectRefusal(await attempt('rate limits', () => w.api.post('/licenses', {})));
    expectRefusal(
      await attempt('rate limits', () =>
        w.api.post('/ballots/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { decision: 'APPROVE', reason: '' }),
      ),
    );
    // Reads are not limited.
    expect((await w.api.get(`/fee-proposals/${proposal}`)).status).toBe(200);
    await w.flow.advance('PT10M');
    expect((await comment()).status).toBe(201);
  });

  it('lets exactly 60 of 90 racing writes through', async () => {
    await nextDay();
    const before = (await commentRepository.listComments(proposal)).length;
    const results = await Promise.all(Array.from({ length: 90 }, () => comment()));
    tried('rate limits', results.length);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    expect((await commentRepository.listComments(proposal)).length).toBe(before + 60);
  });

  it('does not count agency writes against a source address', async () => {
    await nextDay();
    for (let i = 0; i < 61; i++)
      expect((await w.api.get(`/fee-proposals/${proposal}`, w.tokens.owner)).status).toBe(200);
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await w.draft());
    expect(drafts).toHaveLength(3);
    for (let i = 0; i < 60; i++) expect((await comment()).status).toBe(201);
    expectRefusal(await attempt('rate limits', () => comment()));
  });
});
