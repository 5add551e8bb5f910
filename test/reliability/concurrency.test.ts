// Many requests at the same moment: every comment is kept once, seven simultaneous votes make one
// decision, racing edits each win or lose whole, and racing payments issue one certificate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseRepository } from '#ports/license-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { SEED } from '#local/seed';
import { validProposal } from '../support/fixtures.ts';
import { MEMBERS } from '../support/review-flow.ts';
import { tried } from './support/tally.ts';
import { confirmationSecrets } from '../support/licenses.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;
let license: { id: string; totalTwd: number };

beforeAll(async () => {
  w = await startWorld();
  // Before any vote approves a schedule for the dataset (whose later effective date would price it).
  license = await w.licenseAwaitingPayment('racer@example.tw');
});
afterAll(() => w?.close());

const eventsOf = async (id: string, type: string) =>
  ((await w.api.get(`/fee-proposals/${id}/events`)).body.items as any[]).filter((e) => e.type === type);

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('at the same moment', () => {
  it('keeps each of 100 parallel comments exactly once', async () => {
    const id = await w.inConsultation();
    const bodies = Array.from({ length: 100 }, (_, i) => `第 ${i} 則同時送出的意見`);
    const results = await Promise.all(
      bodies.map((body) => w.api.post(`/fee-proposals/${id}/comments`, { body, author: {} })),
    );
    tried('concurrency', results.length);
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 201));
    const listed = (await w.api.get(`/fee-proposals/${id}/comments?limit=200`)).body.items as any[];
    expect(listed.map((c) => c.body).sort()).toEqual([...bodies].sort());
    expect(new Set(results.map((r) => r.body.id)).size).toBe(100);
    expect(await eventsOf(id, 'COMMENT_RECEIVED')).toHaveLength(100);
  });

  it('records all seven simultaneous votes and makes one decision', async () => {
    const id = await w.flow.proposalUnderReview();
    const links = await Promise.all(MEMBERS.map((m) => w.flow.ballotLink(m, id)));
    const decisions = ['APPROVE', 'APPROVE', 'REJECT', 'APPROVE', 'REQUEST_CHANGES', 'APPROVE', 'APPROVE'];
    const results = await Promise.all(links.map((link, i) => w.flow.vote(link, decisions[i]!)));
    tried('concurrency', results.length);
    await w.runtime.settle();
    // A vote after the result became certain may find the vote closed (410); none is lost silently.
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 410),
      String(statuses),
    ).toBe(true);
    expect(await eventsOf(id, 'VOTE_CAST')).toHaveLength(count(statuses, 200));
    expect(count(statuses, 200)).toBeGreaterThanOrEqual(4);
    const decided = ((await w.api.get(`/fee-proposals/${id}/events`)).body.items as any[]).filter((e) =>
      String(e.type).startsWith('DECIDED_'),
    );
    expect(decided.map((e) => e.type)).toEqual(['DECIDED_APPROVED']);
    expect(await w.flow.status(id)).toBe('APPROVED');
  });

  it('lets racing edits of one draft each win or lose whole, and refuses the other agency every time', async () => {
    const id = await w.draft();
    const edit = (n: number, token: string) =>
      w.api.call('PUT', `/fee-proposals/${id}`, {
        token,
        body: validProposal({ effectiveFrom: '2031-01-01', legalBasis: `規費法第 10 條（第 ${n} 版）` }),
      });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => edit(n, n % 2 === 0 ? w.tokens.owner! : w.tokens.other!)),
    );
    tried('concurrency', results.length);
    const owners = results.filter((_, n) => n % 2 === 0).map((r) => r.status);
    const others = results.filter((_, n) => n % 2 === 1).map((r) => r.status);
    expect(others).toEqual(others.map(() => 403));
    expect(
      owners.every((s) => s === 200 || s === 409),
      String(owners),
    ).toBe(true);
    const wins = count(owners, 200);
    expect(wins).toBeGreaterThanOrEqual(1);
    const stored = (await w.api.get('/agency/fee-proposals', w.tokens.owner)).body.items.find(
      (p: any) => p.id === id,
    );
    expect(stored.version).toBe(1 + wins);
    // A draft's trail is not public: read it from the store.
    expect((await proposalRepository.listEvents(id)).filter((e) => e.type === 'EDITED')).toHaveLength(wins);
    // The stored text is one of the winners' whole bodies, not a mixture.
    const winners = results
      .map((r, n) => ({ r, n }))
      .filter(({ r, n }) => n % 2 === 0 && r.status === 200)
      .map(({ n }) => `規費法第 10 條（第 ${n} 版）`);
    expect(winners).toContain(stored.legalBasis);
  });

  it('issues one certificate when the payment of one license is confirmed ten times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        w.api.post(
          `/licenses/${license.id}/payment`,
          { amountTwd: license.totalTwd, reference: `PAY-${n}` },
          w.tokens.owner,
        ),
      ),
    );
    tried('concurrency', results.length);
    const statuses = results.map((r) => r.status);
    expect(count(statuses, 200), String(statuses)).toBe(1);
    expect(count(statuses, 409)).toBe(9);
    const stored = (await licenseRepository.get(license.id))!.value;
    expect(stored.status).toBe('ISSUED');
    const certificates = (
      await licenseRepository.listCertificatesOfDataset(SEED.datasets.onApplication)
    ).filter((c) => c.licenseId === license.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.number).toBe(results.find((r) => r.status === 200)!.body.certificate.number);
  });

  it('gives one licensee one license and one certificate when ten requests for it are confirmed at once', async () => {
    const request = {
      datasetId: SEED.datasets.open,
      licensee: { name: '林小華', email: 'same@example.tw' },
      purpose: 'ACADEMIC',
    };
    const requested = await Promise.all(Array.from({ length: 10 }, () => w.api.post('/licenses', request)));
    expect(requested.map((r) => r.status)).toEqual(requested.map(() => 202));
    const secrets = await confirmationSecrets(w.runtime.url, 'same@example.tw');
    expect(secrets).toHaveLength(10);
    const results = await Promise.all(
      secrets.map((secret) => w.api.call('POST', `/license-confirmations/${secret}`, { body: {} })),
    );
    tried('concurrency', requested.length + results.length);
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      String(statuses),
    ).toBe(true);
    const numbers = new Set(results.filter((r) => r.status < 300).map((r) => r.body.certificate.number));
    expect(numbers.size).toBe(1);
    const licenses = (await licenseRepository.listByLicensee('same@example.tw')).filter(
      (l) => l.dataset.id === SEED.datasets.open,
    );
    expect(licenses.filter((l) => l.status === 'ISSUED')).toHaveLength(1);
    expect(licenses.filter((l) => l.certificate)).toHaveLength(1);
  });
});
