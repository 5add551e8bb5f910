// Ten thousand comments, the most a round takes (COMMENT_LIMITS.perRound): the consultation report
// is still published, streamed to the blob store through its hash, its PDF says 10,000 and the
// campaign counts, and no answer of the service about it is over the 6 MB a Lambda may return.
// Timing and memory are the benchmark's (bench/report-scale.ts), not asserted here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COMMENT_LIMITS } from '#domain/consultation';
import { LARGE_DOCUMENT_BYTES } from '#http/pdf-response';
import { validProposal } from '../../support/fixtures.ts';
import { reviewRuntime } from '../../support/review-flow.ts';
import { pdfText, squash } from '../../support/pdf-text.ts';
import { seedComments } from '../../support/seed-comments.ts';

const COMMENTS = COMMENT_LIMITS.perRound;
/** Lambda's limit for a synchronous response. */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
/** Every 50th comment is a copy of one campaign text: 200 copies, one entry. */
const CAMPAIGN = '反對收費！資料應免費開放，請撤回本收費基準。';

const isCampaign = (i: number) => i % 50 === 0;
const adopted = (i: number) => i % 3 === 0;

const review = reviewRuntime();

async function sized(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${review.runtime.url}${path}`, { redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.length, path).toBeLessThan(LAMBDA_RESPONSE_LIMIT);
  return { status: res.status, bytes, headers: res.headers };
}

describe('a consultation round of 10,000 comments', () => {
  it('publishes a report that counts them all, in responses under 6 MB', { timeout: 600_000 }, async () => {
    // Prepare: 10,000 answered comments, 200 of them copies of one campaign text.
    const id = (await review.api.post('/fee-proposals', validProposal(), review.agency)).body.id as string;
    expect((await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
    const opensAt = (await review.api.get(`/fee-proposals/${id}`)).body.consultation.opensAt as string;
    await seedComments(COMMENTS, {
      proposalId: id,
      receivedAt: opensAt,
      body: (i) => (isCampaign(i) ? CAMPAIGN : `第 ${i + 1} 則意見：請說明每筆資料的成本計算方式。`),
      author: (i) => (i % 4 === 0 ? { name: `王${i}`, email: `w${i}@example.tw` } : {}),
      disposition: (i) => ({
        disposition: adopted(i) ? 'ADOPTED' : 'NOT_ADOPTED',
        reply: '已說明收費係回收人工成本。',
        answeredAt: opensAt,
        answeredBy: 'moi-nlsc-staff',
      }),
    });

    // Act: the consultation closes; every comment is answered, so the report is published.
    review.runtime.clock.advanceBy(61 * 24 * 3600 * 1000);
    await settleAllowingLongSteps();

    // Assess: published, with every count.
    const proposal = (await review.api.get(`/fee-proposals/${id}`)).body;
    expect(proposal.status).toBe('UNDER_REVIEW');
    const first = JSON.parse(
      (await sized(`/fee-proposals/${id}/consultation-report`)).bytes.toString('utf8'),
    );
    const entries = COMMENTS - COMMENTS / 50 + 1;
    expect(first.counts).toMatchObject({ total: COMMENTS, entries, campaigns: 1 });
    // Campaign copies count under their first copy's answer (comment 0: adopted).
    const adoptedCount = Array.from({ length: COMMENTS }, (_, i) =>
      isCampaign(i) ? adopted(0) : adopted(i),
    ).filter(Boolean).length;
    expect(first.counts.byDisposition).toEqual({
      ADOPTED: adoptedCount,
      NOT_ADOPTED: COMMENTS - adoptedCount,
    });
    expect(first.page).toEqual({ number: 1, count: Math.ceil(entries / 100) });
    expect(first.comments[0]).toMatchObject({ body: CAMPAIGN, campaignGroupSize: COMMENTS / 50 });

    // Every JSON page, every HTML page: under the limit, and together every entry once.
    const ids = new Set<string>();
    for (let page = 1; page <= first.page.count; page += 1) {
      const json = JSON.parse(
        (await sized(`/fee-proposals/${id}/consultation-report?page=${page}`)).bytes.toString('utf8'),
      );
      for (const c of json.comments) ids.add(c.id);
    }
    expect(ids.size).toBe(entries);
    const html = (await sized(`/consultations/${id}/report?page=${first.page.count}`)).bytes.toString('utf8');
    expect(html).toContain(`第 ${first.page.count} / ${first.page.count} 頁`);
    for (const path of [
      `/consultations/${id}`,
      `/fee-proposals/${id}`,
      `/fee-proposals/${id}/comments?limit=200`,
      `/fee-proposals/${id}/events`,
    ]) {
      expect((await sized(path)).status, path).toBe(200);
    }

    // The PDF (about 5 MB): served by a redirect to a short-lived download link, as on AWS; its hash
    // is the one recorded, and its text says 10,000 and the campaign.
    const pdf = await sized(`/fee-proposals/${id}/consultation-report?format=pdf`);
    expect(pdf.status).toBe(303);
    expect(pdf.headers.get('location')).toMatch(/^\/_local\/blobs\/reports\/.+&signature=/);
    const bytes = await followRedirect(pdf.headers.get('location')!);
    expect(bytes.length).toBeGreaterThan(LARGE_DOCUMENT_BYTES);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.pdfSha256);
    const text = squash(await pdfText(bytes));
    expect(text).toContain(squash(`合計 Total ${entries} ${COMMENTS}`));
    expect(text).toContain(squash(`本則代表 ${COMMENTS / 50} 份內容相同之連署意見。`));
    expect(text).toContain(squash(`意見 ${entries} Comment ${entries}`));
    expect(text).toMatch(/本報告共\d+頁，至此結束。/);
  });
});

/**
 * Fires the deadline and waits for the workflow to rest; rendering ten thousand comments may
 * outlast one settle's wait for busy steps, which is then repeated (the step's own timeout is the
 * workflow definition's).
 */
async function settleAllowingLongSteps(): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await review.runtime.settle();
      return;
    } catch (error) {
      if (attempt === 20 || !String(error).includes('still busy')) throw error;
    }
  }
}

/** A large document is served by redirect: the body behind the link comes from the blob store, not a function. */
async function followRedirect(location: string): Promise<Buffer> {
  const res = await fetch(new URL(location, review.runtime.url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
