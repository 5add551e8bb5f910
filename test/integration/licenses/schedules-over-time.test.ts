// Schedules over time on the running local stack, through the whole review: schedule A takes
// effect, schedule B is approved for a later date, and licenses asked for in between are priced
// by A, from B's date by B — approving B never blocks licensing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

const DAY = 86_400_000;
let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

const dateIn = (days: number) =>
  new Date(runtime.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

/** A one-item schedule charging `amountTwd` per sheet, taken through consultation, vote and the steps of 規費法 §10 to ANNOUNCED. */
async function approvedSchedule(amountTwd: number, effectiveFrom: string): Promise<string> {
  const [item] = validProposal().items;
  const id = await flow.proposalUnderReview({
    effectiveFrom,
    items: [{ ...item, amountTwd }],
  });
  for (const member of MEMBERS.slice(0, 4))
    expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
  await flow.advance('PT1S');
  expect(await flow.status(id)).toBe('APPROVED');
  await flow.announce(id);
  return id;
}

const oneSheet = async (email: string) => {
  const res = await requestAndConfirm(flow.api, runtime.url, {
    datasetId: SEED.datasets.onApplication,
    licensee: { name: '林小華', email },
    purpose: 'COMMERCIAL',
    items: [{ itemId: 'sheet', quantity: 1 }],
  });
  expect(res.status, res.text).toBe(200);
  return res.body.quote;
};

const schedules = async () =>
  (await flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body.feeSchedules;

describe('a dataset’s fee schedules over time', () => {
  it('prices by A while B is approved for later, by B from its date, and keeps A with the date it was superseded', async () => {
    // Prepare: A in force.
    const a = await approvedSchedule(100, dateIn(100));
    await flow.advance('P40D');
    expect(await flow.status(a)).toBe('EFFECTIVE');
    expect((await oneSheet('before-b@example.tw')).totalTwd).toBe(100);

    // Act: B approved for a later date.
    const bFrom = dateIn(100);
    const b = await approvedSchedule(150, bFrom);

    // Assess: between B's approval and B's date, A still prices.
    const between = await oneSheet('between@example.tw');
    expect(between).toMatchObject({ totalTwd: 100, schedule: { proposalId: a } });
    const shown = await schedules();
    expect(shown.inForce).toMatchObject({
      proposalId: a,
      status: 'EFFECTIVE',
      items: [{ id: 'sheet', amountTwd: 100 }],
    });
    expect(shown.next).toMatchObject({
      proposalId: b,
      effectiveFrom: bFrom,
      items: [{ id: 'sheet', amountTwd: 150 }],
    });

    // B's date comes.
    await flow.advance('P40D');
    expect(await flow.status(b)).toBe('EFFECTIVE');
    const after = await oneSheet('after-b@example.tw');
    expect(after).toMatchObject({ totalTwd: 150, schedule: { proposalId: b } });
    const later = await schedules();
    expect(later.inForce.proposalId).toBe(b);
    expect(later.next).toBeNull();
    expect(later.history.map((h: any) => [h.proposalId, h.supersededAt ?? null])).toEqual([
      [a, bFrom],
      [b, null],
    ]);
  });
});
