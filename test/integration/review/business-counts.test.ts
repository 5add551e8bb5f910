/**
 * The business counts (functions/ports/metrics.ts) as the local runtime keeps them: each counts
 * what was recorded, once, and nothing that was refused.
 */
import { describe, expect, it } from 'vitest';
import { localCounts } from '#ports/metrics-local';
import { BUSINESS_COUNTS, type BusinessCount } from '#ports/metrics';
import { SEED } from '#local/seed';
import { validProposal } from '../../support/fixtures.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { outbox } from '../../support/outbox.ts';
import { MEMBERS, reviewRuntime } from '../../support/review-flow.ts';

const review = reviewRuntime();

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
    const mailsBefore = (await outbox(review.runtime.url)).length;
    let id = '';
    const counted = await added(async () => {
      id = (await review.flow.api.post('/fee-proposals', validProposal(), review.agency)).body.id;
      expect((await review.flow.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
      expect((await review.flow.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
      await review.flow.advance('PT1S');
    });
    const mailed = (await outbox(review.runtime.url)).length - mailsBefore;
    expect(mailed).toBeGreaterThan(0);
    expect(counted).toEqual({
      [BUSINESS_COUNTS.proposalSubmitted]: 1,
      [BUSINESS_COUNTS.mailSent]: mailed,
    });

    const comment = await added(async () => {
      const res = await review.flow.api.post(`/fee-proposals/${id}/comments`, { body: '建議調降單價。' });
      expect(res.status).toBe(201);
      const refused = await review.flow.api.post(`/fee-proposals/${id}/comments`, { body: '' });
      expect(refused.status).toBe(400);
    });
    expect(comment).toEqual({ [BUSINESS_COUNTS.commentReceived]: 1 });
  });

  it('count a vote cast, not the second use of its ballot', async () => {
    const id = await review.flow.proposalUnderReview();
    const link = await review.flow.ballotLink(MEMBERS[0]!, id);
    const counted = await added(async () => {
      expect((await review.flow.vote(link, 'APPROVE')).status).toBe(200);
      expect((await review.flow.vote(link, 'APPROVE')).status).toBe(410);
    });
    expect(counted[BUSINESS_COUNTS.voteCast]).toBe(1);
  });

  it('count a certificate issued and the mails about it', async () => {
    const email = 'counted@example.tw';
    const counted = await added(async () => {
      const confirmed = await requestAndConfirm(review.flow.api, review.runtime.url, {
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
