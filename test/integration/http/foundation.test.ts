import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestRuntime, tempDataDir } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let nlsc: string;
let moi: string;
let operator: string;

function expectErrorBody(body: any, code?: string) {
  expect(body).toMatchObject({
    error: {
      code: expect.stringMatching(/^[A-Z_]+$/),
      message: expect.any(String),
      details: expect.any(Array),
    },
  });
  if (code) expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  nlsc = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  moi = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.ministry });
  operator = await runtime.issuer.mint({ role: 'operator' });
});
afterAll(async () => runtime?.close());

describe('a newcomer’s first requests', () => {
  it('serves the OpenAPI document generated from the routes and schemas', async () => {
    const { status, body } = await api.get('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(
      body.paths['/fee-proposals'].post.requestBody.content['application/json'].schema.properties.items,
    ).toBeDefined();
    expect(body.paths['/fee-proposals/{id}'].put.security).toEqual([{ bearer: [] }]);
  });

  it('shows the seeded registry: agencies, datasets in all three classes, the advisory group', async () => {
    const agencies = await api.get('/agencies');
    expect(agencies.body.items.map((a: any) => a.id)).toEqual([SEED.ministry, SEED.subordinate]);
    const moiAgency = await api.get(`/agencies/${SEED.subordinate}`);
    expect(moiAgency.body.datasets.map((d: any) => d.classification).sort()).toEqual([
      'NOT_PROVIDED',
      'ON_APPLICATION',
    ]);
    const open = await api.get(`/datasets/${SEED.datasets.open}`);
    expect(open.body.license).toMatchObject({ kind: 'OGDL', url: 'https://data.gov.tw/license' });
    const group = await api.get(`/advisory-groups/${SEED.group}`, operator);
    expect(group.body.members).toHaveLength(7);
    // Members' addresses are personal data: an operator sees them, an agency does not.
    expect(group.body.members.every((m: { email?: string }) => typeof m.email === 'string')).toBe(true);
    const forAgency = await api.get(`/advisory-groups/${SEED.group}`, moi);
    expect(forAgency.body.members).toHaveLength(7);
    expect(JSON.stringify(forAgency.body)).not.toContain('"email"');
  });

  it('registers an advisory group only with exactly one convener, refused at the seat that breaks it', async () => {
    const agency = await api.post(
      '/agencies',
      { id: 'mof', name: { zh: '財政部', en: 'Ministry of Finance' } },
      operator,
    );
    expect(agency.status, agency.text).toBe(201);
    const member = (id: string, seat: string) => ({
      id,
      name: `委員 ${id}`,
      email: `${id}@advisory.example.tw`,
      seat,
    });
    const group = (members: object[]) => ({
      id: 'mof-group',
      agencyId: 'mof',
      name: { zh: '財政部資料開放諮詢小組', en: 'MOF advisory group' },
      members,
    });

    const none = await api.post('/advisory-groups', group([member('a', 'SCHOLAR')]), operator);
    const two = await api.post(
      '/advisory-groups',
      group([member('a', 'CONVENER'), member('b', 'CONVENER')]),
      operator,
    );
    const one = await api.post(
      '/advisory-groups',
      group([member('a', 'CONVENER'), member('b', 'SCHOLAR')]),
      operator,
    );

    expect([none.status, two.status, one.status]).toEqual([422, 422, 201]);
    expect(none.body.error.details.map((d: any) => d.path)).toEqual(['members.0.seat']);
    expect(two.body.error.details.map((d: any) => d.path)).toEqual(['members.1.seat']);
  });

  it('answers DCAT JSON-LD for a dataset when asked', async () => {
    const res = await api.call('GET', `/datasets/${SEED.datasets.open}`, {
      headers: { accept: 'application/ld+json' },
    });
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    expect(JSON.parse(res.text)['@type']).toBe('dcat:Dataset');
  });
});

describe('drafting a fee proposal', () => {
  it('drafts a valid proposal as version 1 with the computed unit costs', async () => {
    const res = await api.post('/fee-proposals', validProposal(), nlsc);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'DRAFT', version: 1, id: expect.stringMatching(/^fp-/) });
    // The clipping and conversion time is staff time per sheet supplied: incremental, so marginal too.
    expect(res.body.items[0]).toMatchObject({ documentedUnitCostTwd: 220, marginalUnitCostTwd: 220 });
  });

  it('refuses a fee above its documented cost with 422 naming the rule and the field', async () => {
    const proposal = validProposal();
    proposal.items[0]!.amountTwd = 221;
    const res = await api.post('/fee-proposals', proposal, nlsc);
    expect(res.status).toBe(422);
    expectErrorBody(res.body, 'CHARGE_EXCEEDS_UNIT_COST');
    expect(res.body.error.details[0]).toMatchObject({ path: 'items.0.amountTwd' });
  });

  it('refuses a fee on an OPEN dataset with 422', async () => {
    const res = await api.post(
      '/fee-proposals',
      validProposal({ agencyId: SEED.ministry, datasetIds: [SEED.datasets.open] }),
      moi,
    );
    expect(res.status).toBe(422);
    expectErrorBody(res.body, 'FEE_ON_NON_APPLICATION_DATASET');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await api.call('POST', '/fee-proposals', {
      token: nlsc,
      rawBody: '{"agencyId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'MALFORMED_JSON');
  });

  it('answers a body with a wrong field with 400 naming the field', async () => {
    const res = await api.post('/fee-proposals', validProposal({ effectiveFrom: '2027-02-30' }), nlsc);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toContain('effectiveFrom');
  });

  it('refuses another agency’s token with 403 and no token with 401', async () => {
    expect((await api.post('/fee-proposals', validProposal(), moi)).status).toBe(403);
    const anonymous = await api.post('/fee-proposals', validProposal());
    expect(anonymous.status).toBe(401);
    expectErrorBody(anonymous.body, 'UNAUTHORIZED');
  });

  it('refuses a token with a wrong signature and an expired one with 401', async () => {
    const tampered = nlsc.slice(0, -4) + (nlsc.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await api.post('/fee-proposals', validProposal(), tampered)).status).toBe(401);
    const expired = await runtime.issuer.mint({
      role: 'agency',
      agencyId: SEED.subordinate,
      expiresIn: '-1m',
    });
    expect((await api.post('/fee-proposals', validProposal(), expired)).status).toBe(401);
  });

  it('refuses a 1 MB body with 413 and stores nothing', async () => {
    const before = await api.get('/agencies');
    const res = await api.call('POST', '/agencies', {
      token: operator,
      rawBody: JSON.stringify({ id: 'big-agency', name: { zh: '大', en: 'x'.repeat(1024 * 1024) } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 'PAYLOAD_TOO_LARGE');
    const after = await api.get('/agencies');
    expect(after.body.items).toEqual(before.body.items);
  });

  it('answers an unknown id with 404 and an unknown route with 404', async () => {
    const res = await api.get('/fee-proposals/fp-does-not-exist');
    expect(res.status).toBe(404);
    expectErrorBody(res.body, 'NOT_FOUND');
    expect((await api.get('/no-such-route')).status).toBe(404);
  });

  it('answers HEAD only on the mailed-link pages that have a HEAD route, as API Gateway does', async () => {
    const head = (path: string) => fetch(`${runtime.url}${path}`, { method: 'HEAD' });
    const page = await head('/ballots/no-such-secret');
    const get = await fetch(`${runtime.url}/ballots/no-such-secret`);
    expect(page.status).toBe(get.status);
    expect(page.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(await page.text()).toBe('');
    const listing = await head('/fee-proposals');
    expect(listing.status).toBe(405);
    const refused = await fetch(`${runtime.url}/fee-proposals`, { method: 'DELETE' });
    expect(((await refused.json()) as any).error.message).toBe('DELETE is not allowed here; use POST, GET.');
    const offered = await fetch(`${runtime.url}/ballots/no-such-secret`, { method: 'DELETE' });
    expect(((await offered.json()) as any).error.message).toBe(
      'DELETE is not allowed here; use GET, HEAD, POST.',
    );
  });

  it('returns the first response again for a repeated Idempotency-Key, and refuses the key for another body', async () => {
    const key = 'draft-once-0001';
    const first = await api.post('/fee-proposals', validProposal(), nlsc, { 'idempotency-key': key });
    const again = await api.post('/fee-proposals', validProposal(), nlsc, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    const other = await api.post('/fee-proposals', validProposal({ legalBasis: 'another' }), nlsc, {
      'idempotency-key': key,
    });
    expect(other.status).toBe(422);
    expectErrorBody(other.body, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('edits a draft: the version goes up; an edit by another agency is refused', async () => {
    const created = await api.post('/fee-proposals', validProposal(), nlsc);
    const edited = await api.put(
      `/fee-proposals/${created.body.id}`,
      validProposal({ legalBasis: '規費法第 10 條第 1 項' }),
      nlsc,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect((await api.put(`/fee-proposals/${created.body.id}`, validProposal(), moi)).status).toBe(403);
  });

  it('keeps drafts from the public: a stranger gets 404, the owning agency lists them', async () => {
    const created = await api.post('/fee-proposals', validProposal(), nlsc);
    expect((await api.get(`/fee-proposals/${created.body.id}`)).status).toBe(404);
    expect((await api.get(`/fee-proposals?status=DRAFT&agencyId=${SEED.subordinate}`)).body.items).toEqual(
      [],
    );
    const own = await api.get('/agency/fee-proposals?status=DRAFT', nlsc);
    expect(own.body.items.map((p: any) => p.id)).toContain(created.body.id);
    const other = await api.get('/agency/fee-proposals?status=DRAFT', moi);
    expect(other.body.items.map((p: any) => p.id)).not.toContain(created.body.id);
  });
});

describe('restarting the local runtime', () => {
  it('keeps every record on disk', async () => {
    const dataDir = tempDataDir();
    const first = await startTestRuntime({ dataDir, inMemory: false });
    const token = await first.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    const created = await apiClient(first).post('/fee-proposals', validProposal(), token);
    expect(created.status).toBe(201);
    await first.close();

    const second = await startTestRuntime({ dataDir, inMemory: false });
    try {
      expect(second.seeded).toBe(false);
      const token2 = await second.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
      // The draft is still there: its owner can edit it, and the version continues from 1.
      const edited = await apiClient(second).put(
        `/fee-proposals/${created.body.id}`,
        validProposal(),
        token2,
      );
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      expect((await apiClient(second).get('/agencies')).body.items).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});
