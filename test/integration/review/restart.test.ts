import { describe, expect, it } from 'vitest';
import { apiClient, startTestRuntime, tempDataDir } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { SEED } from '#local/seed';

describe('stopping and starting the local runtime in the middle of a review', () => {
  it('loses nothing: the consultation closes on time and the review continues after a restart', async () => {
    const dataDir = tempDataDir();
    // Prepare: a consultation with one comment, then the process stops.
    const first = await startTestRuntime({ dataDir, inMemory: false });
    const token = await first.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    const api1 = apiClient(first);
    const id = (await api1.post('/fee-proposals', validProposal(), token)).body.id;
    expect((await api1.post(`/fee-proposals/${id}/submit`, {}, token)).status).toBe(202);
    const commentId = (await api1.post(`/fee-proposals/${id}/comments`, { body: '重新啟動前的意見' })).body
      .id;
    await first.settle();
    await first.close();

    // Act: a new process on the same data folder, then the closing date passes.
    const second = await startTestRuntime({ dataDir, inMemory: false });
    try {
      const api2 = apiClient(second);
      const token2 = await second.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
      expect((await api2.get(`/fee-proposals/${id}`)).body.status).toBe('IN_CONSULTATION');
      expect((await api2.post('/_local/clock', { advanceBy: 'P61D' })).status).toBe(200);
      expect((await api2.get(`/fee-proposals/${id}`)).body.status).toBe('AWAITING_RESPONSES');
      await api2.put(
        `/fee-proposals/${id}/comments/${commentId}/disposition`,
        { disposition: 'ADOPTED', reply: '採納' },
        token2,
      );
      await second.settle();

      // Assess: the review reached the vote with the comment and its answer in the report.
      const proposal = (await api2.get(`/fee-proposals/${id}`)).body;
      expect(proposal.status).toBe('UNDER_REVIEW');
      const report = (await api2.get(`/fee-proposals/${id}/consultation-report`)).body;
      expect(report.comments.map((c: any) => [c.body, c.disposition])).toEqual([
        ['重新啟動前的意見', 'ADOPTED'],
      ]);
      const events = (await api2.get(`/fee-proposals/${id}/events`)).body.items.map((e: any) => e.type);
      expect(events.filter((t: string) => t === 'NOTICE_PUBLISHED')).toHaveLength(1); // the re-run did not repeat it
    } finally {
      await second.close();
    }
  });
});
