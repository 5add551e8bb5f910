// DynamoDB throttling and 500s on writes: the SDK retries what it can; what still fails answers a
// clean 503 with the error body, and nothing is left half-written — a write sequence cut at any
// of its writes leaves the store as a reader expects it, and a retry of the request completes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, setDynamoDocumentClient } from '#ports/dynamo/client';
import { licenseRepository } from '#ports/license-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { SEED } from '#local/seed';
import { validProposal } from '../support/fixtures.ts';
import type { ApiResponse } from '../support/runtime.ts';
import { attempt } from './support/tally.ts';
import { faultError, faultyTable } from './support/faulty-table.ts';
import type { Fault } from './support/faulty-table.ts';
import { confirmationSecrets } from '../support/licenses.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;
let table: ReturnType<typeof faultyTable>;
const FAULTS: Fault[] = ['throttled', 'server error'];

beforeAll(async () => {
  w = await startWorld();
  table = faultyTable();
});
afterAll(async () => {
  table?.restore();
  await w?.close();
});

function expectUnavailable(res: ApiResponse) {
  expect(res.status, res.text).toBe(503);
  expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(res.body.error.details).toEqual([]);
}

/**
 * Runs `act` once with every write failing, then once with only the n-th write failing for each n
 * up to the number of writes the request makes; after each, `check` says whether the store is
 * whole. Returns how many writes the request makes when nothing fails.
 */
async function cutAtEveryWrite(
  fault: Fault,
  act: (attemptNo: number) => Promise<ApiResponse>,
  check: (attemptNo: number, res: ApiResponse) => Promise<void>,
): Promise<number> {
  let run = 0;
  await attempt('faults', async () => {
    run += 1;
    table.start({ fault, failing: 'every write' });
    const res = await act(run);
    table.clear();
    expectUnavailable(res);
    await check(run, res);
  });
  // How many writes a request makes when nothing fails.
  run += 1;
  table.start({ fault, failing: Number.MAX_SAFE_INTEGER });
  const clean = await act(run);
  const { writes } = table.clear();
  expect(clean.status, clean.text).toBeLessThan(300);
  await w.runtime.settle();
  await check(run, clean);
  for (let n = 1; n <= writes; n++) {
    await attempt('faults', async () => {
      run += 1;
      table.start({ fault, failing: n });
      const res = await act(run);
      table.clear();
      await w.runtime.settle();
      expect([503, ...(res.status < 300 ? [res.status] : [])], `write ${n}/${writes}: ${res.text}`).toContain(
        res.status,
      );
      if (res.status === 503) expectUnavailable(res);
      await check(run, res);
    });
  }
  return writes;
}

describe.each(FAULTS)('DynamoDB %s on writes', (fault) => {
  it('drafting a proposal: a draft is listed only with its DRAFTED event', async () => {
    const writes = await cutAtEveryWrite(
      fault,
      (n) =>
        w.api.post(
          '/fee-proposals',
          validProposal({ effectiveFrom: '2031-01-01', legalBasis: `規費法第 10 條 ${fault} ${n}` }),
          w.tokens.owner,
        ),
      async () => {
        const drafts = (await w.api.get('/agency/fee-proposals?limit=100', w.tokens.owner)).body
          .items as any[];
        for (const draft of drafts) {
          const events = await proposalRepository.listEvents(draft.id);
          expect(
            events.map((e) => e.type),
            draft.id,
          ).toContain('DRAFTED');
        }
      },
    );
    expect(writes).toBe(2);
  });

  it('commenting: every listed comment has its COMMENT_RECEIVED event, and a 503 leaves no comment', async () => {
    const id = await w.inConsultation();
    const bodies = new Map<number, string>();
    await cutAtEveryWrite(
      fault,
      (n) => {
        bodies.set(n, `${fault} 第 ${n} 則`);
        return w.api.post(`/fee-proposals/${id}/comments`, { body: bodies.get(n), author: {} });
      },
      async (n, res) => {
        const comments = (await w.api.get(`/fee-proposals/${id}/comments`)).body.items as any[];
        const events = (await proposalRepository.listEvents(id)).filter((e) => e.type === 'COMMENT_RECEIVED');
        expect(events.map((e) => e.detail!.commentId).sort()).toEqual(comments.map((c) => c.id).sort());
        const kept = comments.some((c) => c.body === bodies.get(n));
        expect(kept, `${res.status}`).toBe(res.status < 300);
      },
    );
  });

  it('editing a draft: the version counts its EDITED events, and a 503 changes nothing', async () => {
    const id = await w.draft();
    const read = async () => (await proposalRepository.get(id))!.value;
    let before = await read();
    await cutAtEveryWrite(
      fault,
      (n) =>
        w.api.put(
          `/fee-proposals/${id}`,
          validProposal({ effectiveFrom: '2031-01-01', legalBasis: `修正 ${n}` }),
          w.tokens.owner,
        ),
      async (_n, res) => {
        const after = await read();
        const edited = (await proposalRepository.listEvents(id)).filter((e) => e.type === 'EDITED');
        expect(edited).toHaveLength(after.version - 1);
        if (res.status === 503) expect(after).toEqual(before);
        before = after;
      },
    );
  });

  it('editing a draft, stopped after the record was written: the trail still shows the edit, and the next change writes it', async () => {
    await attempt('faults', async () => {
      const id = await w.draft();
      const edit = (n: number) =>
        w.api.put(
          `/fee-proposals/${id}`,
          validProposal({ effectiveFrom: '2031-01-01', legalBasis: `停在中途 ${fault} ${n}` }),
          w.tokens.owner,
        );
      // Write 1 is the record; from write 2 on (its event, then the undo) nothing reaches the table.
      table.start({ fault, failing: { from: 2 } });
      expectUnavailable(await edit(1));
      table.clear();
      const logged = async () =>
        (await proposalRepository.listEvents(id)).filter((e) => e.type === 'EDITED').map((e) => e.id);
      const record = (await proposalRepository.get(id))!.value;
      expect(record.version).toBe(2);
      expect(await logged()).toEqual([]);
      // What the events route shows (a draft's trail is not public, so read as the route reads).
      const trail = await proposalRepository.listEvents(id, record.lastEvent);
      expect(trail.filter((e) => e.type === 'EDITED').map((e) => e.id)).toEqual([record.lastEvent!.id]);

      expect((await edit(2)).status).toBe(200);
      const after = (await proposalRepository.get(id))!.value;
      expect(await logged()).toEqual([record.lastEvent!.id, after.lastEvent!.id]);
      expect(after.version).toBe(3);
    });
  });

  it('confirming a payment: after a 503, the retry issues exactly one certificate', async () => {
    const licenses = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
        w.licenseAwaitingPayment(`pay-${fault.replace(' ', '-')}-${i}@example.tw`),
      ),
    );
    let used = 0;
    await cutAtEveryWrite(
      fault,
      () => {
        const license = licenses[used++]!;
        return w.api.post(
          `/licenses/${license.id}/payment`,
          { amountTwd: 0, reference: 'PAY' },
          w.tokens.owner,
        );
      },
      async () => {
        const license = licenses[used - 1]!;
        const retry = await w.api.post(
          `/licenses/${license.id}/payment`,
          { amountTwd: 0, reference: 'PAY' },
          w.tokens.owner,
        );
        expect([200, 409], retry.text).toContain(retry.status);
        // Whatever happened first, the license ends issued with one certificate.
        let stored = (await licenseRepository.get(license.id))!.value;
        if (stored.status === 'ISSUING') {
          // Paid but cut before its certificate: asking again for it finishes the issue.
          const again = await w.obtainLicense({
            datasetId: SEED.datasets.onApplication,
            licensee: stored.licensee,
            purpose: stored.purpose,
          });
          expect(again.status, again.text).toBeLessThan(300);
          stored = (await licenseRepository.get(license.id))!.value;
        }
        expect(stored.status).toBe('ISSUED');
        const certificates = (
          await licenseRepository.listCertificatesOfDataset(SEED.datasets.onApplication)
        ).filter((c) => c.licenseId === license.id);
        expect(certificates).toHaveLength(1);
      },
    );
  });

  it('requesting an OPEN license: a 503 leaves no license bound; one cut short in its confirmation ends, retried, with one license and one certificate', async () => {
    const email = (n: number) => `open-${fault.replace(' ', '-')}-${n}@example.tw`;
    const request = (n: number) => ({
      datasetId: SEED.datasets.open,
      licensee: { name: '林小華', email: email(n) },
      purpose: 'ACADEMIC',
    });
    // The requests themselves: cut anywhere, nothing is issued and nothing binds the address.
    await cutAtEveryWrite(
      fault,
      (n) => w.api.post('/licenses', request(n)),
      async (n) => {
        const licenses = await licenseRepository.listByLicensee(email(n));
        expect(licenses.every((l) => l.status === 'AWAITING_EMAIL_CONFIRMATION')).toBe(true);
      },
    );
    // The confirmations, of requests made beforehand.
    const secrets = new Map<number, string>();
    for (let n = 1; n <= 40; n++) {
      const made = await w.api.post('/licenses', request(100 + n));
      expect(made.status, made.text).toBe(202);
      secrets.set(n, (await confirmationSecrets(w.runtime.url, email(100 + n))).at(-1)!);
    }
    const confirm = (n: number) =>
      w.api.call('POST', `/license-confirmations/${secrets.get(n)}`, { body: {} });
    await cutAtEveryWrite(fault, confirm, async (n) => {
      const retry = await confirm(n);
      expect(retry.status, retry.text).toBe(200);
      const licenses = await licenseRepository.listByLicensee(email(100 + n));
      expect(licenses.map((l) => l.status)).toEqual(['ISSUED']);
      const certificates = (await licenseRepository.listCertificatesOfDataset(SEED.datasets.open)).filter(
        (c) => c.licenseId === licenses[0]!.id,
      );
      expect(certificates).toHaveLength(1);
    });
  });
});

describe('a throttle the SDK retries', () => {
  it('never reaches the caller: the write succeeds on a later attempt, once', async () => {
    // A real client whose first two PutItem attempts are throttled inside the SDK's retry loop.
    const real = dynamoDocumentClient();
    const client = new DynamoDBClient({ maxAttempts: 4 });
    let throttled = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand' && throttled < 2) {
          throttled += 1;
          throw faultError('throttled');
        }
        return next(args);
      },
      { step: 'deserialize', name: 'injectThrottle' },
    );
    setDynamoDocumentClient(
      DynamoDBDocumentClient.from(client, {
        marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      }),
    );
    try {
      const res = await attempt('faults', () =>
        w.api.post(
          '/agencies',
          { id: 'rel-retried-agency', name: { zh: '重試', en: 'Retried' } },
          w.tokens.operator,
        ),
      );
      expect(res.status, res.text).toBe(201);
      expect(throttled).toBe(2);
    } finally {
      setDynamoDocumentClient(real);
    }
    expect((await w.api.get('/agencies/rel-retried-agency')).status).toBe(200);
  });
});
