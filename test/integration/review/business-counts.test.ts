/**
 * The business counts (functions/ports/metrics.ts) as the local runtime keeps them: each counts
 * what was recorded, once, and nothing that was refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCounts } from '#ports/metrics-local';
import { BUSINESS_COUNTS, type BusinessCount } from '#ports/metrics';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { validProposal } from '../../support/fixtures.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { outbox } from '../../support/outbox.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { startTestRuntime } from '../../support/runtime.ts';

let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;
let agency: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

/** What `act` added to each count (counts it did not touch are left out). */
async function added(act: () => Promise<void>): Promise<Partial<Record<BusinessCount, number>>> {
  const before = localCounts();
  await act();
  const after = localCounts();
  return Object.fromEntries(
    Object.entries(after)
      .map(([name, value]) => [name, value - (before[name as BusinessCount] ?? 0)] as const)
      .filter(([, delta]) => delta !== 0),
  );
}

describe('business counts', () => {
  it('count a submission once (submitting again repairs, it does not count) and every mail sent', async () => {
    const mailsBefore = (await outbox(runtime.url)).length;
    let id = '';
    const counted = await added(async () => {
      id = (await flow.api.post('/fee-proposals', validProposal(), agency)).body.id;
      expect((await flow.api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
      expect((await flow.api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
      await flow.advance('PT1S');
    });
    const mailed = (await outbox(runtime.url)).length - mailsBefore;
    expect(mailed).toBeGreaterThan(0);
    expect(counted).toEqual({
      [BUSINESS_COUNTS.proposalSubmitted]: 1,
      [BUSINESS_COUNTS.mailSent]: mailed,
    });

    const comment = await added(async () => {
      const res = await flow.api.post(`/fee-proposals/${id}/comments`, { body: '建議調降單價。' });
      expect(res.status).toBe(201);
      const refused = await flow.api.post(`/fee-proposals/${id}/comments`, { body: '' });
      expect(refused.status).toBe(400);
    });
    expect(comment).toEqual({ [BUSINESS_COUNTS.commentReceived]: 1 });
  });

  it('count a vote cast, not the second use of its ballot', async () => {
    const id = await flow.proposalUnderReview();
    const link = await flow.ballotLink(MEMBERS[0]!, id);
    const counted = await added(async () => {
      expect((await flow.vote(link, 'APPROVE')).status).toBe(200);
      expect((await flow.vote(link, 'APPROVE')).status).toBe(410);
    });
    expect(counted[BUSINESS_COUNTS.voteCast]).toBe(1);
  });

  it('count a certificate issued and the mails about it', async () => {
    const email = 'counted@example.tw';
    const counted = await added(async () => {
      const confirmed = await requestAndConfirm(flow.api, runtime.url, {
        datasetId: SEED.datasets.open,
        licensee: { name: '林小華', email },
        purpose: 'COMMERCIAL',
      });
      expect(confirmed.status, confirmed.text).toBe(200);
    });
    expect(counted[BUSINESS_COUNTS.certificateIssued]).toBe(1);
    expect(counted[BUSINESS_COUNTS.mailSent]).toBeGreaterThanOrEqual(1);
  });
});
