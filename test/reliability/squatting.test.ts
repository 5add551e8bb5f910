// License squatting and the e-mail oracle: a request binds no name to an address until the address
// confirms it from the mailed link; opening the link changes nothing; an unconfirmed request
// lapses; and the answer to a request is the same whether or not the address holds a license.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseRepository } from '#ports/license-repository';
import { SEED } from '#local/seed';
import { confirmationSecrets } from '../support/licenses.ts';
import { mailsTo } from '../support/outbox.ts';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;

beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

const ask = (name: string, email: string, datasetId: string = SEED.datasets.open) =>
  w.api.post('/licenses', { datasetId, licensee: { name, email }, purpose: 'COMMERCIAL' });
const confirm = (secret: string) => w.api.call('POST', `/license-confirmations/${secret}`, { body: {} });

describe('a squatter', () => {
  it("never binds the victim's address: the victim, confirming later, gets a certificate in their own name", async () => {
    const victim = 'victim@example.tw';
    // Act: ten squatters' requests in the victim's address.
    for (let i = 0; i < 10; i++) {
      await attempt('squatting', async () => {
        const res = await ask(`冒名者 ${i}`, victim);
        expect(res.status).toBe(202);
        expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
        expect(res.body.status).toBe('AWAITING_EMAIL_CONFIRMATION');
      });
    }
    // Assess: nothing issued, no grant held; the victim was told whose name it would carry.
    const held = await licenseRepository.getHolder({
      dataset: { id: SEED.datasets.open, version: '2026.1' } as never,
      licensee: { email: victim } as never,
    });
    expect(held).toBeUndefined();
    const stored = await licenseRepository.listByLicensee(victim);
    expect(stored.map((l) => l.status)).toEqual(stored.map(() => 'AWAITING_EMAIL_CONFIRMATION'));
    expect(stored.every((l) => !l.certificate)).toBe(true);
    expect((await mailsTo(w.runtime.url, victim)).at(-1)!.text).toContain('冒名者 9');
    // The victim's own request, confirmed.
    expect((await ask('林真人', victim)).status).toBe(202);
    const secret = (await confirmationSecrets(w.runtime.url, victim)).at(-1)!;
    const issued = await attempt('squatting', () => confirm(secret));
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body).toMatchObject({ status: 'ISSUED' });
    expect(issued.body.reused).toBeUndefined();
    const certificate = await licenseRepository.getCertificate(issued.body.certificate.number);
    expect(certificate!.value.claims.licensee.name).toBe('林真人');
  });

  it('learns nothing from asking about an address that holds a license', async () => {
    const holder = 'holder@example.tw';
    expect(
      (
        await w.obtainLicense({
          datasetId: SEED.datasets.open,
          licensee: { name: '林小華', email: holder },
          purpose: 'COMMERCIAL',
        })
      ).status,
    ).toBe(200);
    const [existing] = await licenseRepository.listByLicensee(holder);
    const fresh = await ask('某人', 'nobody-yet@example.tw');
    for (let i = 0; i < 5; i++) {
      await attempt('squatting', async () => {
        const repeat = await ask('某人', holder);
        expect(repeat.status).toBe(fresh.status);
        expect(Object.keys(repeat.body).sort()).toEqual(Object.keys(fresh.body).sort());
        expect(repeat.body.status).toBe(fresh.body.status);
        expect(repeat.text).not.toContain(existing!.id);
      });
    }
  });

  it('changes nothing by opening the link, and an unconfirmed request lapses', async () => {
    const email = 'lapse@example.tw';
    expect((await ask('林小華', email)).status).toBe(202);
    const secret = (await confirmationSecrets(w.runtime.url, email)).at(-1)!;
    for (let i = 0; i < 5; i++) {
      const page = await w.api.call('GET', `/license-confirmations/${secret}`, {
        headers: { accept: 'text/html' },
      });
      expect(page.status).toBe(200);
      expect(page.text).toContain('確認');
    }
    tried('squatting', 5);
    expect((await licenseRepository.listByLicensee(email)).map((l) => l.status)).toEqual([
      'AWAITING_EMAIL_CONFIRMATION',
    ]);
    await w.flow.advance('P4D');
    const late = await attempt('squatting', () => confirm(secret));
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('CONFIRMATION_EXPIRED');
    const latePage = await w.api.call('GET', `/license-confirmations/${secret}`);
    expect(latePage.status).toBe(410);
    expect((await licenseRepository.listByLicensee(email)).every((l) => !l.certificate)).toBe(true);
    // Unknown links are unknown.
    const unknown = await attempt('squatting', () => confirm('A'.repeat(32)));
    expect(unknown.status).toBe(404);
  });
});

describe('enumeration', () => {
  it('walking certificate numbers shows no one: no name, no e-mail, no PDF without the certificate link', async () => {
    const names = ['王一', '王二', '王三'];
    const numbers: string[] = [];
    for (const [i, name] of names.entries()) {
      const res = await w.obtainLicense({
        datasetId: SEED.datasets.open,
        licensee: { name, email: `walk-${i}@example.tw`, organization: '走訪者協會' },
        purpose: 'COMMERCIAL',
      });
      expect(res.status).toBe(200);
      numbers.push(res.body.certificate.number);
    }
    const other = await w.certificateToken(numbers[0]!);
    for (const number of numbers) {
      for (const query of ['', '?format=json', `?token=${other}x`, `?sha256=${'0'.repeat(64)}`]) {
        await attempt('enumeration', async () => {
          const res = await w.api.get(`/certificates/${number}/verify${query}`);
          expect(res.status).toBe(200);
          expect(res.body.licenseeShown).toBe(false);
          for (const name of names) expect(res.text).not.toContain(name);
          expect(res.text).not.toContain('走訪者協會');
          expect(res.text).not.toContain('@example.tw');
          expect(res.body).not.toHaveProperty('jws');
        });
      }
      await attempt('enumeration', async () => {
        const page = await w.api.call('GET', `/certificates/${number}/verify`, {
          headers: { accept: 'text/html' },
        });
        for (const name of names) expect(page.text).not.toContain(name);
        const pdf = await fetch(`${w.runtime.url}/certificates/${number}`);
        expect(pdf.status).toBe(403);
      });
    }
    // Another certificate's token opens only that certificate.
    if (numbers[1]) {
      const res = await w.api.get(`/certificates/${numbers[1]}/verify?token=${other}`);
      expect(res.body.licenseeShown).toBe(false);
    }
    // The holder's own token opens their details.
    const own = await w.api.get(`/certificates/${numbers[0]}/verify?token=${other}`);
    expect(own.body).toMatchObject({ licenseeShown: true, licensee: { name: '王一' } });
  });
});
