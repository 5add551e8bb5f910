// Flooding within the caps: a comment holds at most 5,000 characters in 60 lines; a round takes at
// most 10,000 comments; comments are listed a page at a time (JSON and the page), every comment on
// exactly one page, no response near the 6 MB a Lambda response may have; copies of a campaign
// text fold into one entry on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { COMMENT_LIMITS } from '#domain/consultation';
import { dynamoDocumentClient, tableName } from '#ports/dynamo/client';
import { commentCountKeys } from '#ports/dynamo/keys';
import { commentRepository } from '#ports/comment-repository';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;
const SIX_MB = 6 * 1024 * 1024;

beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

const post = (proposal: string, body: string) =>
  w.api.post(`/fee-proposals/${proposal}/comments`, { body, author: {} });

describe('one comment', () => {
  it('takes 60 lines and 5,000 characters, and refuses one line or one character more, naming the field', async () => {
    const proposal = await w.inConsultation();
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第 ${i + 1} 行`).join('\n');
    expect((await post(proposal, lines(COMMENT_LIMITS.bodyLines))).status).toBe(201);
    expect((await post(proposal, '意'.repeat(COMMENT_LIMITS.bodyChars))).status).toBe(201);
    for (const body of [
      lines(COMMENT_LIMITS.bodyLines + 1),
      '\n'.repeat(4998).replace(/^/, 'a').concat('b'),
      '意'.repeat(COMMENT_LIMITS.bodyChars + 1),
    ]) {
      await attempt('flooding', async () => {
        const res = await post(proposal, body);
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: any) => d.path)).toContain('body');
      });
    }
    expect((await commentRepository.listComments(proposal)).length).toBe(2);
  });
});

describe('many comments', () => {
  let proposal: string;
  const CAMPAIGN = '反對收費，資料應免費開放！';

  beforeAll(async () => {
    proposal = await w.inConsultation();
    for (let i = 0; i < 130; i++) {
      const res = await post(proposal, i % 3 === 0 ? CAMPAIGN : `意見 ${i}：${'長'.repeat(4000)}`);
      expect(res.status).toBe(201);
    }
    tried('flooding', 130);
  });

  it('lists them a page at a time, each exactly once, every page far below 6 MB', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await w.api.get(
        `/fee-proposals/${proposal}/comments?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      tried('flooding');
      expect(res.status).toBe(200);
      expect(Buffer.byteLength(res.text)).toBeLessThan(SIX_MB);
      expect(res.body.items.length).toBeLessThanOrEqual(50);
      seen.push(...res.body.items.map((c: any) => c.id));
      cursor = res.body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(130);
    expect(seen).toHaveLength(130);
    // The largest page the API gives stays small too.
    const largest = await w.api.get(`/fee-proposals/${proposal}/comments?limit=200`);
    expect(largest.body.items).toHaveLength(130);
    expect(Buffer.byteLength(largest.text)).toBeLessThan(SIX_MB);
    for (const query of ['limit=201', 'limit=0', 'cursor=not-a-cursor']) {
      const res = await attempt('flooding', () => w.api.get(`/fee-proposals/${proposal}/comments?${query}`));
      expect(res.status, query).toBe(400);
    }
  });

  it('shows them on the page 50 at a time with a link to the next, campaign copies folded into one entry', async () => {
    const first = await w.api.get(`/consultations/${proposal}`);
    expect(first.status).toBe(200);
    const next = /href="([^"]*\?cursor=[^"#]*)#comments"/.exec(first.text)?.[1];
    expect(next).toBeDefined();
    // 17 campaign copies among the first 50 fold into one entry saying how many.
    expect(first.text.split(CAMPAIGN).length - 1).toBe(1);
    expect(first.text).toContain('同文意見 17 則');
    const second = await w.api.get(next!.replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(second.text).toContain('意見 50：');
    expect(second.text).not.toContain('意見 49：');
    tried('flooding', 2);
  });
});

describe('one consultation round', () => {
  it(`takes ${COMMENT_LIMITS.perRound} comments and refuses the next with 422 COMMENT_CAP_REACHED`, async () => {
    const proposal = await w.inConsultation();
    // Prepare: the round's counter as if 9,999 comments had come (posting them all would only be slow).
    await dynamoDocumentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: commentCountKeys(proposal, 1),
        UpdateExpression: 'SET #count = :n',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':n': COMMENT_LIMITS.perRound - 1 },
      }),
    );
    expect((await post(proposal, '最後一則')).status).toBe(201);
    const racing = await Promise.all(Array.from({ length: 5 }, () => post(proposal, '再一則')));
    for (const res of racing) {
      await attempt('flooding', () => {
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe('COMMENT_CAP_REACHED');
      });
    }
    expect((await commentRepository.listComments(proposal)).map((c) => c.body)).toEqual(['最後一則']);
  });
});
