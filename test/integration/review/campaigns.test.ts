// A campaign (copies of one text) is one entry of the consultation report, answered once for all
// its copies, and every copy is counted once: 3 copies + 1 other comment → 4 submissions.
import { describe, expect, it } from 'vitest';
import { validProposal } from '../../support/fixtures.ts';
import { reviewRuntime } from '../../support/review-flow.ts';
import { pdfText, squash } from '../../support/pdf-text.ts';

const review = reviewRuntime();

describe('a campaign in the consultation', () => {
  it('is one entry of size 3, answered once, and the report counts 4 submissions in its JSON and PDF', async () => {
    // Prepare
    const id = (await review.api.post('/fee-proposals', validProposal(), review.agency)).body.id as string;
    expect((await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
    const campaign = ['反對收費，資料應免費開放！', '反對收費 資料應免費開放', '反對收費，資料應免費開放。'];
    for (const body of [...campaign, '請公開每幅圖的成本計算。'])
      expect((await review.api.post(`/fee-proposals/${id}/comments`, { body })).status).toBe(201);
    await review.api.post('/_local/clock', { advanceBy: 'P61D' });
    const comments = (await review.api.get(`/fee-proposals/${id}/comments`)).body.items as {
      id: string;
      body: string;
    }[];
    expect(comments).toHaveLength(4);

    // Act: one answer for the campaign, one for the other comment.
    const copy = comments.find((c) => c.body.startsWith('反對收費'))!;
    const other = comments.find((c) => c.body.startsWith('請公開'))!;
    for (const [commentId, disposition] of [
      [copy.id, 'NOT_ADOPTED'],
      [other.id, 'ADOPTED'],
    ] as const) {
      const res = await review.api.put(
        `/fee-proposals/${id}/comments/${commentId}/disposition`,
        { disposition, reply: '已說明收費係回收人工成本。' },
        review.agency,
      );
      expect(res.status).toBe(200);
    }
    await review.api.post('/_local/clock', { advanceBy: 'PT1S' });

    // Assess
    expect((await review.api.get(`/fee-proposals/${id}`)).body.status).toBe('UNDER_REVIEW');
    const report = (await review.api.get(`/fee-proposals/${id}/consultation-report`)).body;
    expect(report.counts).toMatchObject({
      total: 4,
      entries: 2,
      campaigns: 1,
      byDisposition: { NOT_ADOPTED: 3, ADOPTED: 1 },
      byTier: { UNVERIFIED: 4 },
    });
    expect(report.comments.map((c: any) => c.campaignGroupSize ?? 1)).toEqual([3, 1]);
    const res = await fetch(`${review.runtime.url}/fee-proposals/${id}/consultation-report?format=pdf`);
    const text = squash(await pdfText(Buffer.from(await res.arrayBuffer())));
    expect(text).toContain(squash('合計 Total 2 4'));
    expect(text).toContain(squash('本則代表 3 份內容相同之連署意見。'));
    expect(text).not.toContain(squash('合計 Total 4 10'));
  });
});
