// The agency's own lists, withdrawal and dataset edits through the HTTP API, on the local runtime:
// the review workflow of a withdrawn proposal ends (SUCCEEDED), whichever step it waited on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { MEMBERS, reviewFlow } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;
let agency: string;
let otherAgency: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  otherAgency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.ministry });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

/** The status of the proposal's latest review execution, as the workflow service reports it. */
async function reviewStatus(proposalId: string): Promise<string | undefined> {
  const sfn = new SFNClient({
    endpoint: process.env.AWS_ENDPOINT_URL_SFN,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: process.env.REVIEW_STATE_MACHINE_ARN }),
    );
    return executions.filter((e) => e.name?.startsWith(`${proposalId}-`)).at(-1)?.status;
  } finally {
    sfn.destroy();
  }
}

const events = async (id: string): Promise<string[]> =>
  (await flow.api.get(`/fee-proposals/${id}/events`)).body.items.map((e: any) => e.type);

async function submitted(): Promise<string> {
  const created = await flow.api.post(
    '/fee-proposals',
    validProposal({ effectiveFrom: '2031-01-01' }),
    agency,
  );
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  expect((await flow.api.post(`/fee-proposals/${id}/submit`, {}, agency)).status).toBe(202);
  return id;
}

const withdraw = (id: string, token = agency) =>
  flow.api.post(`/fee-proposals/${id}/withdraw`, { reason: '預算調整，暫不收費。' }, token);

describe('GET /agency/fee-proposals', () => {
  it('lists every status without a filter, and one status with ?status=', async () => {
    const draft = (
      await flow.api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)
    ).body.id as string;
    const open = await submitted();
    const all = await flow.api.get('/agency/fee-proposals?limit=100', agency);
    expect(all.status).toBe(200);
    const statusOf = new Map(all.body.items.map((p: any) => [p.id, p.status]));
    expect(statusOf.get(draft)).toBe('DRAFT');
    expect(statusOf.get(open)).toBe('IN_CONSULTATION');
    const drafts = await flow.api.get('/agency/fee-proposals?status=DRAFT&limit=100', agency);
    expect(drafts.body.items.map((p: any) => p.status)).toEqual(drafts.body.items.map(() => 'DRAFT'));
    expect(drafts.body.items.map((p: any) => p.id)).toContain(draft);
    expect((await flow.api.get('/agency/fee-proposals', otherAgency)).body.items).toEqual([]);
  });

  it('refuses an unknown status by its parameter', async () => {
    const res = await flow.api.get('/agency/fee-proposals?status=PENDING', agency);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('query.status');
  });
});

describe('GET /agency/licenses', () => {
  it('lists the requests awaiting payment confirmation, newest first, a page at a time, then the issued ones', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const confirmed = await requestAndConfirm(flow.api, runtime.url, {
        datasetId: SEED.datasets.onApplication,
        licensee: { name: `申請人${n}`, email: `desk-${n}@licensee.example.tw`, organization: '測試公司' },
        purpose: 'COMMERCIAL',
      });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.body.status).toBe('AWAITING_PAYMENT');
      ids.push(confirmed.body.id as string);
      await flow.advance('PT1S');
    }
    const first = await flow.api.get('/agency/licenses?status=AWAITING_PAYMENT&limit=2', agency);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((l: any) => l.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({
      licensee: { name: '申請人3', email: 'desk-3@licensee.example.tw', organization: '測試公司' },
      quote: { totalTwd: expect.any(Number) },
      datasetTitle: { zh: expect.any(String) },
    });
    const rest = await flow.api.get(`/agency/licenses?limit=2&cursor=${first.body.cursor}`, agency);
    expect(rest.body.items.map((l: any) => l.id)).toContain(ids[0]);

    const amountTwd = first.body.items[0].quote.totalTwd;
    const early = await flow.api.post(
      `/licenses/${ids[0]}/payment`,
      { amountTwd, reference: 'RCPT-001', receivedOn: '2020-01-01' },
      agency,
    );
    expect(early.status).toBe(422);
    expect(early.body.error.details[0]).toMatchObject({
      path: 'receivedOn',
      rule: 'PAYMENT_DATE_OUT_OF_RANGE',
    });
    const paid = await flow.api.post(
      `/licenses/${ids[0]}/payment`,
      { amountTwd, reference: 'RCPT-001' },
      agency,
    );
    expect(paid.status, paid.text).toBe(200);
    const awaiting = (await flow.api.get('/agency/licenses?limit=100', agency)).body.items.map(
      (l: any) => l.id,
    );
    expect(awaiting).not.toContain(ids[0]);
    const issued = (await flow.api.get('/agency/licenses?status=ISSUED&limit=100', agency)).body.items;
    expect(issued.find((l: any) => l.id === ids[0])).toMatchObject({
      payment: { reference: 'RCPT-001', receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      certificateNumber: expect.stringMatching(/^APL-/),
    });
    // Another agency's desk does not see them.
    expect((await flow.api.get('/agency/licenses?limit=100', otherAgency)).body.items).toEqual([]);
  });
});

describe('POST /fee-proposals/{id}/withdraw', () => {
  it('withdraws a proposal in consultation, and its review ends', async () => {
    const id = await submitted();
    await flow.advance('PT1S');
    expect(await reviewStatus(id)).toBe('RUNNING');
    const res = await withdraw(id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('WITHDRAWN');
    await flow.advance('PT1S');
    expect(await reviewStatus(id)).toBe('SUCCEEDED');
    expect(await events(id)).toEqual(expect.arrayContaining(['WITHDRAWN', 'REVIEW_ENDED_ON_WITHDRAWAL']));
    // The consultation's close later finds nothing to do, and comments are refused.
    await flow.advance('P61D');
    expect(await flow.status(id)).toBe('WITHDRAWN');
    expect((await flow.api.post(`/fee-proposals/${id}/comments`, { body: '意見' })).status).toBe(409);
    // Again: nothing changes.
    expect((await withdraw(id)).body.status).toBe('WITHDRAWN');
    expect((await events(id)).filter((e) => e === 'WITHDRAWN')).toHaveLength(1);
  });

  it('withdraws a proposal under review: the vote ends, and a ballot is refused', async () => {
    const id = await flow.proposalUnderReview();
    const link = await flow.ballotLink(MEMBERS[0], id);
    expect((await withdraw(id)).status).toBe(200);
    await flow.advance('PT1S');
    expect(await reviewStatus(id)).toBe('SUCCEEDED');
    expect((await flow.vote(link, 'APPROVE')).status).toBe(410);
    // The vote's deadline passes without a decision.
    await flow.advance('P30D');
    expect(await flow.status(id)).toBe('WITHDRAWN');
    expect((await flow.api.get(`/fee-proposals/${id}`)).body.decision).toBeUndefined();
  });

  it('withdraws a draft, which stays private', async () => {
    const draft = (
      await flow.api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)
    ).body.id as string;
    expect((await withdraw(draft)).body.status).toBe('WITHDRAWN');
    expect((await flow.api.get(`/fee-proposals/${draft}`)).status).toBe(404);
    const own = await flow.api.get('/agency/fee-proposals?status=WITHDRAWN&limit=100', agency);
    expect(own.body.items.map((p: any) => p.id)).toContain(draft);
    const listed = await flow.api.get('/fee-proposals?status=WITHDRAWN&limit=100');
    expect(listed.body.items.map((p: any) => p.id)).not.toContain(draft);
  });

  it('refuses another agency, a missing reason and a proposal past its decision', async () => {
    const open = await submitted();
    expect((await withdraw(open, otherAgency)).status).toBe(403);
    const unexplained = await flow.api.post(`/fee-proposals/${open}/withdraw`, {}, agency);
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.details[0].path).toBe('reason');
    expect(await flow.status(open)).toBe('IN_CONSULTATION');
    expect((await withdraw('fp-unknown')).status).toBe(404);
    const decided = await flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, decided), 'REJECT')).status).toBe(200);
    await flow.advance('PT1S');
    expect(await flow.status(decided)).toBe('REJECTED');
    const refused = await withdraw(decided);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('PUT /datasets/{id}', () => {
  const dataset = {
    id: 'desk-dataset',
    agencyId: SEED.subordinate,
    title: { zh: '測試資料集', en: 'Test dataset' },
    version: '2026.1',
    classification: 'OPEN',
    releaseYear: 2026,
  };

  it('edits class, version, legal reason and hash, and keeps id and agency', async () => {
    expect((await flow.api.post('/datasets', dataset, agency)).status).toBe(201);
    const edited = {
      ...dataset,
      version: '2026.2',
      classification: 'NOT_PROVIDED',
      notProvidedReason: '依個人資料保護法第 16 條不予提供。',
      distributionSha256: 'AB'.repeat(32),
    };
    const res = await flow.api.put(`/datasets/${dataset.id}`, edited, agency);
    expect(res.status, res.text).toBe(200);
    const stored = (await flow.api.get(`/datasets/${dataset.id}`)).body;
    expect(stored).toMatchObject({
      version: '2026.2',
      classification: 'NOT_PROVIDED',
      distributionSha256: 'ab'.repeat(32),
    });
    const moved = await flow.api.put(
      `/datasets/${dataset.id}`,
      { ...edited, agencyId: SEED.ministry },
      agency,
    );
    expect(moved.status).toBe(422);
    expect(moved.body.error.details[0].path).toBe('agencyId');
    const renamed = await flow.api.put(`/datasets/${dataset.id}`, { ...edited, id: 'other-id' }, agency);
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details[0].path).toBe('id');
    expect((await flow.api.put(`/datasets/${dataset.id}`, edited, otherAgency)).status).toBe(403);
    expect(
      (await flow.api.put('/datasets/no-such-dataset', { ...edited, id: 'no-such-dataset' }, agency)).status,
    ).toBe(404);
  });

  it('keeps a dataset with a fee schedule on application', async () => {
    const id = await flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await flow.advance('PT1S');
    await flow.announce(id);
    const current = (await flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body;
    const body = {
      id: current.id,
      agencyId: current.agencyId,
      title: current.title,
      version: current.version,
      classification: 'OPEN',
      releaseYear: 2020,
    };
    const res = await flow.api.put(`/datasets/${SEED.datasets.onApplication}`, body, agency);
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('DATASET_CARRIES_FEE_SCHEDULE');
    const kept = await flow.api.put(
      `/datasets/${SEED.datasets.onApplication}`,
      { ...body, classification: 'ON_APPLICATION', conditionsOfUse: current.conditionsOfUse, version: 'v2' },
      agency,
    );
    expect(kept.status, kept.text).toBe(200);
    const after = (await flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body;
    expect(after.version).toBe('v2');
    expect(after.feeSchedules.history.map((h: any) => h.proposalId)).toContain(id);
  });
});
