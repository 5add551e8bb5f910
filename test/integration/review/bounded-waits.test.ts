// No wait of the review holds an execution longer than its bound (14 days): a consultation of 60
// days, answers that take a month and a vote extended past its first deadline each outlast one,
// and the review still goes from submission to its decision, continued in new executions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { reviewExecutions as executions } from '../../support/review-executions.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let agency: string;
let flow: ReturnType<typeof reviewFlow>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

describe('a review whose waits outlast the bound of one wait', () => {
  let id: string;
  let commentId: string;

  it('closes a 60-day consultation on time, continued in new executions on the way', async () => {
    id = await flow.proposalSubmitted();
    commentId = (await flow.api.post(`/fee-proposals/${id}/comments`, { body: '請說明成本計算方式。' })).body
      .id;
    await runtime.settle(); // the review waits for the close: its wait's bound counts from now
    await flow.advance('P20D'); // one bound passes: the wait goes on in a second execution
    expect(await flow.status(id)).toBe('IN_CONSULTATION');
    expect(await executions(id)).toEqual({ [`${id}-v1-r1`]: 'SUCCEEDED', [`${id}-v1-r1-p2`]: 'RUNNING' });
    await flow.advance('P41D'); // past the closing date and another bound at once
    expect(await flow.status(id)).toBe('AWAITING_RESPONSES');
  });

  it('waits a month for the answer and then publishes the report and opens the vote', async () => {
    await flow.advance('P15D');
    await flow.advance('P15D');
    expect(await flow.status(id)).toBe('AWAITING_RESPONSES');
    const answered = await flow.api.put(
      `/fee-proposals/${id}/comments/${commentId}/disposition`,
      { disposition: 'ADOPTED', reply: '已補充成本計算說明。' },
      agency,
    );
    expect(answered.status, answered.text).toBe(200);
    await runtime.settle();
    expect(await flow.status(id)).toBe('UNDER_REVIEW');
    expect((await flow.api.get(`/fee-proposals/${id}/consultation-report`)).status).toBe(200);
  });

  it('keeps the vote past its first deadline, extended without a quorum, and carries out its decision', async () => {
    await flow.advance('P15D'); // the deadline and the wait's bound pass together
    const events = (await flow.api.get(`/fee-proposals/${id}/events`)).body.items.map((e: any) => e.type);
    expect(events).toContain('VOTE_EXTENDED');
    expect(await flow.status(id)).toBe('UNDER_REVIEW');
    // Votes until the outcome is certain: the decision is carried out then and later links are spent.
    for (const member of MEMBERS) {
      await runtime.settle();
      if ((await flow.status(id)) !== 'UNDER_REVIEW') break;
      const res = await flow.vote(await flow.ballotLink(member, id), 'APPROVE');
      expect(res.status, await res.clone().text()).toBeLessThan(400);
    }
    await runtime.settle();
    expect(await flow.status(id)).toBe('APPROVED');

    const runs = await executions(id);
    expect(Object.keys(runs).length).toBeGreaterThanOrEqual(5);
    // Every execution but the last handed over; none stopped or timed out.
    expect(Object.values(runs).every((s) => s === 'SUCCEEDED')).toBe(true);
    expect(events).not.toContain('REVIEW_STOPPED');
  });
});
