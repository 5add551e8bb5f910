/**
 * The local runtime's suppression list: an address that bounced (POST /_local/outbox/suppressed,
 * as SES records a bounce) is mailed nothing more, and what it asked for is still recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { validProposal } from '../../support/fixtures.ts';
import { mailsTo } from '../../support/outbox.ts';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
});
afterAll(async () => runtime?.close());

describe('a suppressed address', () => {
  it('is refused onto the list without an address or a reason, with the rule said', async () => {
    const res = await api.post('/_local/outbox/suppressed', { address: 'nobody' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"reason": "BOUNCE"');
  });

  it('gets no verification mail for its comment, which is recorded all the same', async () => {
    const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    const id = (await api.post('/fee-proposals', validProposal(), agency)).body.id;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    const listed = await api.post('/_local/outbox/suppressed', {
      address: 'Bounced@Example.org',
      reason: 'BOUNCE',
    });
    expect(listed.status).toBe(200);
    expect((await api.get('/_local/outbox/suppressed')).body).toEqual([
      expect.objectContaining({ address: 'bounced@example.org', reason: 'BOUNCE' }),
    ]);

    for (const email of ['bounced@example.org', 'reader@example.org']) {
      const res = await api.post(`/fee-proposals/${id}/comments`, {
        body: '請公開成本計算方式。',
        author: { name: '王小明', email },
      });
      expect(res.status).toBe(201);
    }
    expect(await mailsTo(runtime.url, 'bounced@example.org')).toEqual([]);
    expect(await mailsTo(runtime.url, 'reader@example.org')).toHaveLength(1);
    const comments = (await api.get(`/fee-proposals/${id}/comments`)).body.items;
    expect(comments).toHaveLength(2);
  });
});
