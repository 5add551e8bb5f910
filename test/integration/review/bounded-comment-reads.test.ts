// Answering a comment and closing a consultation read a bounded number of items however many
// comments the round holds: answering reads the campaign's copies and the first unanswered comment,
// closing reads the round a page at a time. The rules stay: copies share the answer, the last
// answer releases the workflow, the closing mail counts every comment.
import { describe, expect, it, vi } from 'vitest';
import { dynamoDocumentClient } from '#ports/dynamo/client';
import { commentRepository } from '#ports/comment-repository';
import { COMMENT_PAGE_SIZE } from '#usecases/round-comments';
import { validProposal } from '../../support/fixtures.ts';
import { reviewRuntime } from '../../support/review-flow.ts';
import { outbox } from '../../support/outbox.ts';
import { seedComments } from '../../support/seed-comments.ts';

const COMMENTS = 400;
const CAMPAIGN = '反對收費，資料應免費開放！';

const review = reviewRuntime();

/** Counts the items DynamoDB returns to this process while `act` runs. */
async function itemsReadDuring(act: () => Promise<unknown>): Promise<number> {
  const client = dynamoDocumentClient();
  const send = client.send.bind(client) as (command: unknown) => Promise<Record<string, unknown>>;
  let read = 0;
  const spy = vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
    const output = await send(command);
    if (Array.isArray(output?.Items)) read += output.Items.length;
    if (output?.Item) read += 1;
    return output;
  }) as never);
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return read;
}

describe('a round of 400 comments', () => {
  it('is closed a page at a time and answered with a bounded number of reads', async () => {
    // Prepare: 3 copies of a campaign text among 400 comments, all unanswered.
    const id = (await review.api.post('/fee-proposals', validProposal(), review.agency)).body.id as string;
    expect((await review.api.post(`/fee-proposals/${id}/submit`, {}, review.agency)).status).toBe(202);
    const opensAt = (await review.api.get(`/fee-proposals/${id}`)).body.consultation.opensAt as string;
    const seeded = await seedComments(COMMENTS, {
      proposalId: id,
      receivedAt: opensAt,
      body: (i) => (i % 150 === 7 ? CAMPAIGN : `第 ${i + 1} 則意見：請說明成本。`),
    });
    const copies = seeded.filter((c) => c.body === CAMPAIGN);
    expect(copies).toHaveLength(3);
    const listAll = vi.spyOn(commentRepository, 'listComments');
    const pages = vi.spyOn(commentRepository, 'listCommentsPage');

    // Act 1: the deadline closes the consultation.
    await review.api.post('/_local/clock', { advanceBy: 'P61D' });

    // Assess 1: closed, counted page by page, and the mail says how many.
    expect((await review.api.get(`/fee-proposals/${id}`)).body.status).toBe('AWAITING_RESPONSES');
    expect(listAll).not.toHaveBeenCalled();
    expect(pages.mock.calls.length).toBeGreaterThanOrEqual(COMMENTS / COMMENT_PAGE_SIZE);
    for (const [, page] of pages.mock.calls) expect(page.limit).toBeLessThanOrEqual(COMMENT_PAGE_SIZE);
    const closed = (await outbox(review.runtime.url)).find((m) => m.subject.includes('公開徵詢已截止'));
    expect(closed?.subject).toContain(`待回應意見 ${COMMENTS} 則`);

    // Act 2: answer the campaign (one answer for its three copies).
    const campaignReads = await itemsReadDuring(async () => {
      const res = await review.api.put(
        `/fee-proposals/${id}/comments/${copies[0]!.id}/disposition`,
        { disposition: 'NOT_ADOPTED', reply: '收費係回收人工成本。' },
        review.agency,
      );
      expect(res.status).toBe(200);
    });

    // Assess 2: the copies share the answer; far fewer items read than the round holds (the
    // answer, its three copies, the first unanswered comment and the proposal, each read a few times).
    for (const copy of copies) {
      expect((await commentRepository.getComment(id, copy.id))?.value.disposition?.disposition).toBe(
        'NOT_ADOPTED',
      );
    }
    expect(campaignReads).toBeLessThan(25);

    // Act 3: every other comment but the last is answered, then the last one over HTTP.
    const rest = seeded.filter((c) => c.body !== CAMPAIGN);
    for (const c of rest.slice(0, -1)) {
      const current = (await commentRepository.getComment(id, c.id))!;
      await commentRepository.replaceComment(
        {
          ...current.value,
          disposition: { disposition: 'ADOPTED', reply: '已採納。', answeredAt: opensAt, answeredBy: 'test' },
        },
        current.revision,
      );
    }
    expect(listAll).not.toHaveBeenCalled();
    const res = await review.api.put(
      `/fee-proposals/${id}/comments/${rest.at(-1)!.id}/disposition`,
      { disposition: 'ADOPTED', reply: '已採納。' },
      review.agency,
    );
    expect(res.status).toBe(200);
    await review.api.post('/_local/clock', { advanceBy: 'PT1S' });

    // Assess 3: the last answer released the workflow, which published the report of all 400.
    const proposal = (await review.api.get(`/fee-proposals/${id}`)).body;
    expect(proposal.status).toBe('UNDER_REVIEW');
    expect((await review.api.get(`/fee-proposals/${id}/consultation-report`)).body.counts.total).toBe(
      COMMENTS,
    );
  });
});
