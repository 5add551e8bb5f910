// The hourly sweep: a deadline whose schedule was lost (here: removed before it fired) is fired by
// the sweep once it is overdue past the grace period, exactly once however often the sweep runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineName } from '#ports/scheduler';
import { TableScheduler } from '#ports/scheduler-table';
import { SWEEP_GRACE_MS, sweepOverdueDeadlines } from '#usecases/sweep-deadlines';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
});
afterAll(async () => runtime?.close());

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const bound = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > bound) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the deadline sweep', () => {
  it('closes a consultation whose schedule was lost, once, and only after the grace period', async () => {
    // Prepare: a consultation whose closing deadline is gone from the scheduler.
    const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    const id = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body
      .id;
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
    await runtime.settle(); // the review now waits for the close, its deadline scheduled
    const proposal = (await api.get(`/fee-proposals/${id}`)).body;
    const closesAt = Date.parse(proposal.consultation.closesAt);
    // A wait that reaches its bound (14 days) hands over to a new execution, which schedules the
    // close again: the schedule is lost after the last handover before the close.
    runtime.clock.set(new Date(closesAt - 86_400_000));
    await runtime.settle();
    expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('IN_CONSULTATION');
    await new TableScheduler().cancel(
      deadlineName({ kind: 'CONSULTATION_CLOSES', proposalId: id, version: proposal.version, round: 1 }),
    );
    const mine = (result: Awaited<ReturnType<typeof sweepOverdueDeadlines>>) =>
      result.fired.filter((f) => f.payload.proposalId === id);

    // Act + Assess: within the grace period the sweep leaves it to the schedule.
    runtime.clock.set(new Date(closesAt + SWEEP_GRACE_MS / 2));
    expect(mine(await sweepOverdueDeadlines())).toEqual([]);

    // Past it, the sweep fires it; a second sweep finds nothing left to do.
    runtime.clock.set(new Date(closesAt + 2 * SWEEP_GRACE_MS));
    const first = mine(await sweepOverdueDeadlines());
    const second = mine(await sweepOverdueDeadlines());
    expect(first.map((f) => [f.payload.kind, f.outcome])).toEqual([['CONSULTATION_CLOSES', 'RELEASED']]);
    expect(second.filter((f) => f.outcome === 'RELEASED')).toEqual([]);
    await until(
      async () => (await api.get(`/fee-proposals/${id}`)).body.status !== 'IN_CONSULTATION',
      'the close',
    );
    const events = (await api.get(`/fee-proposals/${id}/events`)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(events.filter((t: string) => t === 'CONSULTATION_CLOSED')).toHaveLength(1);
  });
});
