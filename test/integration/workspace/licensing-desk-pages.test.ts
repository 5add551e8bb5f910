// The licenses desk a page at a time: the requests awaiting payment and the certificates (issued
// and revoked ones merged, newest request first) each page on with their own cursor, nothing
// skipped or shown twice; the desk's page follows the certificates' link; a forged cursor is refused;
// a page links an earlier one only when a request follows it (exactly 50, then 51).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { requestAndConfirm } from '../../support/licenses.ts';
import { reviewFlow } from '../../support/review-flow.ts';
import { signInAs } from '../../support/workspace.ts';
import type { WorkspaceClient } from '../../support/workspace.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { DESK_PAGE, licensingDesk } from '#usecases/licensing-desk';

let runtime: LocalRuntime;
let clerk: WorkspaceClient;
let flow: ReturnType<typeof reviewFlow>;
const nlsc = { sub: 'desk-pages', roles: ['agency' as const], agencyId: SEED.subordinate };
/** License ids in the order requested. */
const ids: string[] = [];
/** Certificate numbers of the paid ones, by license id. */
const numbers = new Map<string, string>();

beforeAll(async () => {
  runtime = await startTestRuntime();
  const token = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, token);
  for (const n of [0, 1, 2, 3, 4, 5, 6]) {
    const confirmed = await requestAndConfirm(flow.api, runtime.url, {
      datasetId: SEED.datasets.onApplication,
      licensee: { name: `申請人${n}`, email: `pages-${n}@licensee.example.tw` },
      purpose: 'COMMERCIAL',
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    ids.push(confirmed.body.id as string);
    // The first four are paid (certificates), the last three await payment.
    if (n < 4) {
      const paid = await flow.api.post(
        `/licenses/${confirmed.body.id as string}/payment`,
        { amountTwd: confirmed.body.quote.totalTwd, reference: `PAGES-${n}` },
        token,
      );
      expect(paid.status, paid.text).toBe(200);
      numbers.set(confirmed.body.id as string, paid.body.certificate.number as string);
    }
    await flow.advance('PT1S');
  }
  // The second one revoked: it moves to the list of marked certificates.
  const revoked = await flow.api.post(
    `/certificates/${numbers.get(ids[1]!)!}/revoke`,
    { reason: 'ISSUED_IN_ERROR', note: '誤發。' },
    token,
  );
  expect(revoked.status, revoked.text).toBe(200);
  ({ client: clerk } = await signInAs(runtime.url, 'nlsc-clerk'));
});
afterAll(async () => runtime?.close());

describe('the licenses desk, a page at a time', () => {
  it('pages the certificates, issued and revoked merged newest request first, nothing skipped or twice', async () => {
    for (const size of [1, 2, 3]) {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const desk = await licensingDesk(nlsc, cursor ? { certificates: cursor } : {}, size);
        pages.push(desk.certificates.map((c) => c.license.id));
        cursor = desk.nextCertificates;
      } while (cursor && pages.length < 10);
      expect(pages.flat(), `${size} a page`).toEqual([ids[3], ids[2], ids[1], ids[0]]);
      expect(pages.length, `${size} a page`).toBe(Math.ceil(4 / size));
      expect(pages.slice(0, -1).every((p) => p.length === size)).toBe(true);
    }
    const all = (await licensingDesk(nlsc, {}, 10)).certificates;
    expect(all.map((c) => c.status)).toEqual(['VALID', 'VALID', 'REVOKED', 'VALID']);
    expect(all[2]!.revocation?.reason).toBe('ISSUED_IN_ERROR');
  });

  it('pages the requests awaiting payment with their own cursor', async () => {
    const first = await licensingDesk(nlsc, {}, 2);
    expect(first.awaiting.map((l) => l.id)).toEqual([ids[6], ids[5]]);
    const second = await licensingDesk(nlsc, { awaiting: first.next! }, 2);
    expect(second.awaiting.map((l) => l.id)).toEqual([ids[4]]);
    expect(second.next).toBeUndefined();
    // Exactly a page's worth: no next page, though the Query stopped at its limit.
    const exact = await licensingDesk(nlsc, {}, 3);
    expect(exact.awaiting.map((l) => l.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(exact.next).toBeUndefined();
  });

  it('shows a later page of certificates from its link, with the way back to the first page', async () => {
    const first = await licensingDesk(nlsc, {}, 2);
    const page = await clerk.get(
      `/agency/licensing?certificates=${encodeURIComponent(first.nextCertificates!)}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(`id="certificate-${numbers.get(ids[0]!)!}"`);
    expect(page.text).toContain(`id="certificate-${numbers.get(ids[1]!)!}"`);
    expect(page.text).not.toContain(`id="certificate-${numbers.get(ids[3]!)!}"`);
    expect(page.text).toContain('回到第一頁');
    // The whole desk fits one page of 50: no link to more.
    const whole = await clerk.get('/agency/licensing');
    expect(whole.text).not.toContain('較早的證明書');
    expect(whole.text).not.toContain('回到第一頁');
  });

  it('refuses a cursor it did not give', async () => {
    const page = await clerk.get(
      `/agency/licensing?certificates=${Buffer.from('{"DRAFT":"x"}').toString('base64url')}`,
    );
    expect(page.status).toBe(400);
    expect(page.text).toContain('<html');
  });

  // Last: it adds requests awaiting payment.
  it('links earlier requests only when there are more than 50: none at exactly 50, one at 51', async () => {
    // Prepare: 47 more awaiting payment, 50 in all.
    expect(DESK_PAGE).toBe(50);
    const ask = async (n: number) => {
      const confirmed = await requestAndConfirm(flow.api, runtime.url, {
        datasetId: SEED.datasets.onApplication,
        licensee: { name: `申請人${n}`, email: `pages-${n}@licensee.example.tw` },
        purpose: 'COMMERCIAL',
      });
      expect(confirmed.status, confirmed.text).toBe(200);
      return confirmed.body.id as string;
    };
    for (let n = 7; n < 54; n++) await ask(n);
    // Act
    const fifty = await clerk.get('/agency/licensing');
    const oldest = ids[4]!;
    const newest = await ask(54);
    const fiftyOne = await clerk.get('/agency/licensing');
    const earlier = /href="([^"]*cursor=[^"]*)"/.exec(fiftyOne.text)?.[1]?.replaceAll('&amp;', '&');
    const second = earlier ? await clerk.get(earlier) : undefined;
    // Assess
    expect(fifty.status).toBe(200);
    expect(fifty.text.match(/<article class="request"/g)).toHaveLength(50);
    expect(fifty.text).toContain(`id="license-${oldest}"`);
    expect(fifty.text).not.toContain('較早的申請');
    expect(fiftyOne.text.match(/<article class="request"/g)).toHaveLength(50);
    expect(fiftyOne.text).toContain(`id="license-${newest}"`);
    expect(fiftyOne.text).not.toContain(`id="license-${oldest}"`);
    expect(fiftyOne.text).toContain('較早的申請');
    expect(second?.status).toBe(200);
    expect(second?.text.match(/<article class="request"/g)).toHaveLength(1);
    expect(second?.text).toContain(`id="license-${oldest}"`);
    expect(second?.text).not.toContain('較早的申請');
  });
});
