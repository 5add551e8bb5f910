// A review stopped by a fault (the vote's step keeps failing: its retries run out, the Catch path
// records REVIEW_STOPPED) is restarted by an operator once the cause is fixed: a new execution
// with the next attempt number, recorded on the public trail, enters after the last completed
// phase and the review reaches its decision; the operator's reason is on the public trail. The route
// refuses a restart without a reason, and a review that has not stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { startTestRuntime } from '../../support/runtime.ts';
import { reviewExecutions as executions } from '../../support/review-executions.ts';
import { validProposal } from '../../support/fixtures.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let agency: string;
let operator: string;
let flow: ReturnType<typeof reviewFlow>;
/** While true, the step that opens the vote fails as a dependency that is down would. */
let voteStepBroken = true;

beforeAll(async () => {
  runtime = await startTestRuntime({
    retryIntervalMs: 5,
    wrapTask: (placeholder, handler) =>
      placeholder !== 'OpenVoteFunctionArn'
        ? handler
        : async (payload) => {
            if (voteStepBroken) throw new ServiceUnavailableError('The mail service is down.');
            return handler(payload);
          },
  });
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  operator = await runtime.issuer.mint({ role: 'operator' });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

const trail = async (id: string) => (await flow.api.get(`/fee-proposals/${id}/events`)).body.items as any[];
const REASON = '郵件服務已恢復，重新開始投票。';
const restart = (id: string, token = operator, body: unknown = { reason: REASON }) =>
  flow.api.post(`/fee-proposals/${id}/review/restart`, body, token);

describe('restarting a stopped review', () => {
  let id: string;

  it('records the stop when the vote cannot open after its retries', async () => {
    id = await flow.proposalUnderReview();
    await runtime.settle();
    const stopped = (await trail(id)).filter((e) => e.type === 'REVIEW_STOPPED');
    expect(stopped).toHaveLength(1);
    expect(stopped[0].detail).toMatchObject({ execution: `${id}-v1-r1`, error: 'ServiceUnavailableError' });
    expect(await executions(id)).toEqual({ [`${id}-v1-r1`]: 'FAILED' });
  });

  it('is for operators only', async () => {
    const res = await restart(id, agency);
    expect(res.status).toBe(403);
    expect(await executions(id)).toEqual({ [`${id}-v1-r1`]: 'FAILED' });
  });

  it('refuses a restart without its reason, by that field, and starts nothing', async () => {
    voteStepBroken = false; // the cause is fixed
    for (const body of [{}, { reason: '   ' }]) {
      const res = await restart(id, operator, body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: any) => d.path)).toEqual(['reason']);
    }
    expect(await executions(id)).toEqual({ [`${id}-v1-r1`]: 'FAILED' });
    expect((await trail(id)).map((e) => e.type)).not.toContain('REVIEW_RESTARTED');
  });

  it('starts attempt 2 at the vote, on the public trail with its reason, and the review reaches its decision', async () => {
    const res = await restart(id);
    expect(res.status, res.text).toBe(202);
    expect(res.body).toEqual({ proposalId: id, attempt: 2, execution: `${id}-v1-r1-a2`, from: 'VOTE' });
    await runtime.settle();
    const restarted = (await trail(id)).filter((e) => e.type === 'REVIEW_RESTARTED');
    expect(restarted).toHaveLength(1);
    expect(restarted[0].actor.kind).toBe('operator');
    expect(restarted[0].detail).toMatchObject({
      attempt: 2,
      stopped: `${id}-v1-r1`,
      from: 'VOTE',
      reason: REASON,
    });

    for (const member of MEMBERS) {
      await runtime.settle();
      if ((await flow.status(id)) !== 'UNDER_REVIEW') break;
      const vote = await flow.vote(await flow.ballotLink(member, id), 'APPROVE');
      expect(vote.status, await vote.clone().text()).toBeLessThan(400);
    }
    await runtime.settle();
    expect(await flow.status(id)).toBe('APPROVED');
    expect(await executions(id)).toEqual({ [`${id}-v1-r1`]: 'FAILED', [`${id}-v1-r1-a2`]: 'SUCCEEDED' });
    // Once: the first vote step never mailed a ballot, the restarted one did.
    expect((await trail(id)).filter((e) => e.type === 'VOTE_OPENED')).toHaveLength(1);
  });

  it('refuses, with its reason, a review that has ended, one still running, and a draft', async () => {
    const ended = await restart(id);
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('REVIEW_NOT_IN_PROGRESS');

    const running = await flow.proposalSubmitted();
    await runtime.settle();
    const busy = await restart(running);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('REVIEW_NOT_STOPPED');
    expect(await executions(running)).toEqual({ [`${running}-v1-r1`]: 'RUNNING' });

    const draft = (
      await flow.api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)
    ).body.id;
    const none = await restart(draft);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('REVIEW_NOT_IN_PROGRESS');
  });
});
