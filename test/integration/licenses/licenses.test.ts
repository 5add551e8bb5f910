// Licenses and certificates over HTTP on the local runtime: issue, pay, read the PDF back, verify,
// check a copy, revoke, and see forgeries fail.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactSign, generateKeyPair } from 'jose';
import { attributionStatement, OGDL } from '#domain/attribution';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import type { LicenseRecord } from '#domain/license-records';
import { certificateHeader } from '#ports/jws';
import { licenseRepository } from '#ports/license-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { StoredDataset } from '#usecases/dataset-view';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { pdfText, squash } from '../../support/pdf-text.ts';
import { SEED } from '../../../infra/local/seed.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';

const KB = 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let moi: string;
let nlsc: string;

/** A dataset of `moi-nlsc` on application, under an approved fee schedule taking effect on `effectiveFrom`. */
async function datasetWithSchedule(id: string, effectiveFrom: string): Promise<void> {
  const created = await api.post(
    '/datasets',
    {
      id,
      agencyId: SEED.subordinate,
      title: { zh: `地籍圖 ${id}`, en: `Cadastral maps ${id}` },
      version: '2026-Q4',
      classification: 'ON_APPLICATION',
    },
    nlsc,
  );
  expect(created.status).toBe(201);
  const proposalId = `fp-${id}`;
  const now = runtime.clock.now().toISOString();
  await proposalRepository.create({
    ...FeeProposalInputSchema.parse(validProposal({ datasetIds: [id], effectiveFrom })),
    id: proposalId,
    status: 'APPROVED',
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const dataset = (await datasetRepository.get(id))!;
  const withSchedule: StoredDataset = {
    ...dataset.value,
    feeSchedule: {
      proposalId,
      title: { zh: '數值地籍圖收費基準', en: 'Fee schedule for digital cadastral maps' },
      effectiveFrom,
      status: 'APPROVED',
    },
  };
  await datasetRepository.replace(withSchedule, dataset.revision);
}

const dateFromNow = (days: number) =>
  new Date(runtime.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

const licensee = (email: string, name = '林小華') => ({ name, email, organization: '臺灣開放資料研究室' });

async function openLicense(email: string, name?: string) {
  const res = await api.post('/licenses', {
    datasetId: SEED.datasets.open,
    licensee: licensee(email, name),
    purpose: 'COMMERCIAL',
  });
  expect(res.status).toBe(201);
  return res.body as {
    id: string;
    status: string;
    certificate: { number: string; pdfUrl: string; verifyUrl: string };
  };
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

async function pdfOf(number: string): Promise<Buffer> {
  const res = await fetch(`${runtime.url}/certificates/${number}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  moi = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.ministry });
  nlsc = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
});
afterAll(async () => runtime?.close());

describe('a license for OPEN data', () => {
  it('is issued at once with a certificate whose PDF carries the attribution, license URL, licensee, dataset and number', async () => {
    // Act
    const issued = await openLicense('lin@example.tw');
    // Assess
    expect(issued).toMatchObject({ id: expect.stringMatching(/^lic-/), status: 'ISSUED' });
    expect(issued.certificate.number).toMatch(/^OGDL-\d{4}-\d{6}$/);
    expect(pathOf(issued.certificate.pdfUrl)).toBe(`/certificates/${issued.certificate.number}`);
    expect(pathOf(issued.certificate.verifyUrl)).toBe(`/certificates/${issued.certificate.number}/verify`);

    const pdf = await pdfOf(issued.certificate.number);
    expect(pdf.length).toBeLessThanOrEqual(150 * KB);
    const text = squash(await pdfText(pdf));
    const year = Number(issued.certificate.number.slice(5, 9));
    const statement = attributionStatement({
      agencyName: { zh: '內政部', en: 'Ministry of the Interior' },
      year,
      datasetTitle: { zh: '全國村里界圖', en: 'Village and borough boundaries' },
      datasetVersion: '2026.1',
    });
    for (const part of [...statement.parts.zh, ...statement.parts.en]) expect(text).toContain(squash(part));
    expect(text).toContain(OGDL.url);
    expect(text).toContain('林小華');
    expect(text).toContain('全國村里界圖');
    expect(text).toContain(issued.certificate.number);
    expect(text).not.toContain('lin@example.tw'); // the PDF is public; the address is not
  });

  it('verifies as VALID with a valid signature, and tells the issued PDF from a copy with one byte changed', async () => {
    // Prepare
    const { certificate } = await openLicense('verify@example.tw');
    const pdf = await pdfOf(certificate.number);
    const altered = Buffer.from(pdf);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0x01;
    // Act
    const plain = await api.get(`/certificates/${certificate.number}/verify`);
    const same = await api.get(`/certificates/${certificate.number}/verify?sha256=${sha256(pdf)}`);
    const copy = await api.get(`/certificates/${certificate.number}/verify?sha256=${sha256(altered)}`);
    // Assess
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      number: certificate.number,
      status: 'VALID',
      sha256: sha256(pdf),
      signatureValid: true,
      licensee: { name: '林小華', organization: '臺灣開放資料研究室' },
      dataset: { id: SEED.datasets.open, version: '2026.1', title: { zh: '全國村里界圖' } },
      license: { spdx: OGDL.spdx, version: '1.0', url: OGDL.url },
      issuedAt: expect.any(String),
      jws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    expect(plain.body).not.toHaveProperty('sha256Matches');
    expect(plain.body).not.toHaveProperty('revocation');
    expect(JSON.stringify(plain.body)).not.toContain('verify@example.tw');
    expect(same.body.sha256Matches).toBe(true);
    expect(copy.body.sha256Matches).toBe(false);
  });

  it('gives the same licensee the same certificate again, also when asked many times at once', async () => {
    // Prepare
    const first = await openLicense('Twice@Example.tw');
    // Act
    const again = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: licensee('twice@example.TW'),
      purpose: 'ACADEMIC',
    });
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post('/licenses', {
          datasetId: SEED.datasets.open,
          licensee: licensee('racer@example.tw'),
          purpose: 'COMMERCIAL',
        }),
      ),
    );
    // Assess
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: first.id,
      reused: true,
      certificate: { number: first.certificate.number },
    });
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.body.certificate.number)).size).toBe(1);
    const licenses = await licenseRepository.listByLicensee('racer@example.tw');
    expect(licenses).toHaveLength(1);
  });

  it('finishes an interrupted issue when the licensee asks again, under the number fixed before', async () => {
    // Prepare: a license whose issue stopped after its number was fixed, before anything was stored
    const interrupted: LicenseRecord = {
      id: 'lic-interrupted',
      status: 'ISSUING',
      requestedAt: runtime.clock.now().toISOString(),
      requestDate: '2026-01-01',
      licensee: licensee('resume@example.tw'),
      purpose: 'COMMERCIAL',
      dataset: {
        id: SEED.datasets.open,
        agencyId: SEED.ministry,
        agencyName: { zh: '內政部', en: 'Ministry of the Interior' },
        title: { zh: '全國村里界圖', en: 'Village and borough boundaries' },
        version: '2026.1',
        classification: 'OPEN',
      },
      certificate: { number: 'OGDL-2026-900001', issuedAt: runtime.clock.now().toISOString() },
    };
    await licenseRepository.create(interrupted);
    await licenseRepository.claimHolder(interrupted, undefined);
    // Act
    const again = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: licensee('resume@example.tw'),
      purpose: 'COMMERCIAL',
    });
    // Assess
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: 'lic-interrupted',
      status: 'ISSUED',
      reused: true,
      certificate: { number: 'OGDL-2026-900001' },
    });
    expect((await api.get('/certificates/OGDL-2026-900001/verify')).body).toMatchObject({
      status: 'VALID',
      signatureValid: true,
    });
  });

  it('numbers certificates by a per-year sequence, one apart', async () => {
    const a = await openLicense('seq-a@example.tw');
    const b = await openLicense('seq-b@example.tw');
    const [yearA, seqA] = [a.certificate.number.slice(5, 9), Number(a.certificate.number.slice(10))];
    expect(b.certificate.number).toBe(`OGDL-${yearA}-${String(seqA + 1).padStart(6, '0')}`);
  });

  it('shows browsers a page with the status in both languages, every value escaped, no script', async () => {
    // Prepare
    const { certificate } = await openLicense('page@example.tw', '陳大文 <img src=x onerror=alert(1)>');
    // Act
    const res = await api.call('GET', `/certificates/${certificate.number}/verify`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.text).toContain('有效');
    expect(res.text).toContain('Valid');
    expect(res.text).toContain('不可撤回');
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.text).not.toContain('<img');
    expect(res.text).not.toMatch(/<script/i);
  });

  it('is revoked only by its agency, never for breached conditions, once, and the record says so afterwards', async () => {
    // Prepare
    const { certificate } = await openLicense('revoke@example.tw');
    const path = `/certificates/${certificate.number}/revoke`;
    // Act
    const stranger = await api.post(path, { reason: 'ISSUED_IN_ERROR', note: 'x' }, nlsc);
    const breach = await api.post(path, { reason: 'CONDITIONS_BREACHED', note: 'x' }, moi);
    const anonymous = await api.post(path, { reason: 'ISSUED_IN_ERROR', note: 'x' });
    const revoked = await api.post(
      path,
      { reason: 'ISSUED_IN_ERROR', note: '名稱誤植 <Typo in the name>' },
      moi,
    );
    const twice = await api.post(path, { reason: 'SUPERSEDED', note: '' }, moi);
    // Assess
    expect(stranger.status).toBe(403);
    expect(breach.status).toBe(422);
    expect(breach.body.error.code).toBe('OGDL_GRANT_IRREVOCABLE');
    expect(anonymous.status).toBe(401);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      number: certificate.number,
      status: 'REVOKED',
      revocation: { reason: 'ISSUED_IN_ERROR' },
    });
    expect(twice.status).toBe(409);

    const verify = await api.get(`/certificates/${certificate.number}/verify`);
    expect(verify.body).toMatchObject({
      status: 'REVOKED',
      signatureValid: true,
      revocation: { reason: 'ISSUED_IN_ERROR', note: '名稱誤植 <Typo in the name>', at: expect.any(String) },
    });
    const page = await api.call('GET', `/certificates/${certificate.number}/verify`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('已撤銷');
    expect(page.text).toContain('Revoked');
    expect(page.text).toContain('誤發');
    expect(page.text).toContain('irrevocable and stays in force');
    expect(page.text).toContain('&lt;Typo in the name&gt;');
    expect((await pdfOf(certificate.number)).length).toBeGreaterThan(0); // the record and its PDF stay
  });

  it('issues a new certificate to a licensee whose earlier one was marked superseded', async () => {
    const first = await openLicense('renew@example.tw');
    expect(
      (
        await api.post(
          `/certificates/${first.certificate.number}/revoke`,
          { reason: 'SUPERSEDED', note: '' },
          moi,
        )
      ).status,
    ).toBe(200);
    const second = await openLicense('renew@example.tw');
    expect(second.certificate.number).not.toBe(first.certificate.number);
    expect((await api.get(`/certificates/${first.certificate.number}/verify`)).body.status).toBe(
      'SUPERSEDED',
    );
  });
});

describe('forged certificates', () => {
  async function storedCertificate() {
    const { certificate } = await openLicense(`forged-${Math.random().toString(36).slice(2)}@example.tw`);
    return (await licenseRepository.getCertificate(certificate.number))!;
  }

  it('fails verification when the stored JWS is changed in one byte', async () => {
    // Prepare
    const stored = await storedCertificate();
    const [header, payload, signature] = stored.value.jws.split('.') as [string, string, string];
    const i = 10;
    const changed = signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
    await licenseRepository.replaceCertificate(
      { ...stored.value, jws: `${header}.${payload}.${changed}` },
      stored.revision,
    );
    // Act
    const res = await api.get(`/certificates/${stored.value.number}/verify`);
    // Assess
    expect(res.body.signatureValid).toBe(false);
  });

  it('fails verification when the JWS is signed by another key, even one claiming the published key id', async () => {
    // Prepare
    const stored = await storedCertificate();
    const jwks = (await api.get('/.well-known/jwks.json')).body;
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(stored.value.claims)))
      .setProtectedHeader(certificateHeader(jwks.keys[0].kid))
      .sign(privateKey);
    await licenseRepository.replaceCertificate({ ...stored.value, jws: forged }, stored.revision);
    // Act
    const res = await api.get(`/certificates/${stored.value.number}/verify`);
    // Assess
    expect(res.body.signatureValid).toBe(false);
  });

  it('fails verification when the stored record no longer matches what was signed', async () => {
    const stored = await storedCertificate();
    const claims = { ...stored.value.claims, licensee: { name: '冒名者' } };
    await licenseRepository.replaceCertificate({ ...stored.value, claims }, stored.revision);
    const res = await api.get(`/certificates/${stored.value.number}/verify`);
    expect(res.body).toMatchObject({ signatureValid: false, licensee: { name: '冒名者' } });
  });
});

describe('a license for data provided on application', () => {
  const pending = async (datasetId: string, email: string, purpose = 'ACADEMIC') => {
    const res = await api.post('/licenses', { datasetId, licensee: licensee(email), purpose });
    expect(res.status).toBe(202);
    return res.body;
  };

  beforeAll(async () => {
    await datasetWithSchedule('cadastral-effective', dateFromNow(-30));
    await datasetWithSchedule('cadastral-future', dateFromNow(90));
  });

  it('is quoted from the schedule in force with the reduction declared for the purpose', async () => {
    const academic = await pending('cadastral-effective', 'quote-a@example.tw', 'ACADEMIC');
    const commercial = await pending('cadastral-effective', 'quote-c@example.tw', 'COMMERCIAL');
    expect(academic).toMatchObject({
      id: expect.stringMatching(/^lic-/),
      status: 'AWAITING_PAYMENT',
      quote: { items: [{ id: 'sheet', amountTwd: 200, quantity: 1 }], reductionPercent: 50, totalTwd: 100 },
    });
    expect(academic).not.toHaveProperty('certificate');
    expect(commercial.quote).toMatchObject({ reductionPercent: 0, totalTwd: 200 });
  });

  it('is refused with 422 while the dataset’s schedule is not yet in force', async () => {
    const res = await api.post('/licenses', {
      datasetId: 'cadastral-future',
      licensee: licensee('early@example.tw'),
      purpose: 'ACADEMIC',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('SCHEDULE_NOT_EFFECTIVE');
  });

  it('is refused with 422 for a dataset that is not provided', async () => {
    const res = await api.post('/licenses', {
      datasetId: SEED.datasets.notProvided,
      licensee: licensee('withheld@example.tw'),
      purpose: 'ACADEMIC',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DATASET_NOT_PROVIDED');
  });

  it('is issued once its agency confirms the exact amount; a wrong amount is 422, another agency 403, paying twice 409', async () => {
    // Prepare
    const license = await pending('cadastral-effective', 'pay@example.tw');
    const path = `/licenses/${license.id}/payment`;
    // Act
    const wrong = await api.post(path, { amountTwd: 99, reference: 'R-1' }, nlsc);
    const stranger = await api.post(path, { amountTwd: 100, reference: 'R-1' }, moi);
    const paid = await api.post(path, { amountTwd: 100, reference: 'R-1' }, nlsc);
    const twice = await api.post(path, { amountTwd: 100, reference: 'R-2' }, nlsc);
    // Assess
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(stranger.status).toBe(403);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      id: license.id,
      status: 'ISSUED',
      certificate: { number: expect.stringMatching(/^OGDL-/) },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('LICENSE_ALREADY_PAID');

    const { number } = paid.body.certificate;
    const text = squash(await pdfText(await pdfOf(number)));
    expect(text).toContain('fp-cadastral-effective');
    expect(text).toContain('NT$100');
    expect(text).toContain('50%');
    const verify = await api.get(`/certificates/${number}/verify`);
    expect(verify.body).toMatchObject({
      status: 'VALID',
      signatureValid: true,
      paid: {
        scheduleId: 'fp-cadastral-effective',
        amountTwd: 100,
        purpose: 'ACADEMIC',
        reductionPercent: 50,
      },
    });
  });

  it('gives the pending quote again to the same licensee instead of a second license', async () => {
    const first = await pending('cadastral-effective', 'again@example.tw');
    const second = await pending('cadastral-effective', 'again@example.tw');
    expect(second).toMatchObject({ id: first.id, reused: true, quote: { totalTwd: 100 } });
  });

  it('issues exactly one certificate when payments for one license are confirmed in parallel', async () => {
    // Prepare
    const license = await pending('cadastral-effective', 'parallel@example.tw');
    const before = await licenseRepository.listCertificatesOfDataset('cadastral-effective');
    // Act
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.post(`/licenses/${license.id}/payment`, { amountTwd: 100, reference: `P-${i}` }, nlsc),
      ),
    );
    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const after = await licenseRepository.listCertificatesOfDataset('cadastral-effective');
    expect(after).toHaveLength(before.length + 1);
    const minted = after.filter((c) => c.licenseId === license.id);
    expect(minted).toHaveLength(1);
    expect(minted[0]!.number).toBe(results.find((r) => r.status === 200)!.body.certificate.number);
  });

  it('can be revoked for breached conditions, and the page says the grant has ended', async () => {
    const license = await pending('cadastral-effective', 'breach@example.tw');
    const { number } = (
      await api.post(`/licenses/${license.id}/payment`, { amountTwd: 100, reference: 'B-1' }, nlsc)
    ).body.certificate;
    const revoked = await api.post(
      `/certificates/${number}/revoke`,
      { reason: 'CONDITIONS_BREACHED', note: '轉售圖資' },
      nlsc,
    );
    expect(revoked.status).toBe(200);
    const page = await api.call('GET', `/certificates/${number}/verify`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('已撤銷');
    expect(page.text).toContain('違反授權條件');
    expect(page.text).not.toContain('不可撤回');
  });
});

describe('keys and unknown certificates', () => {
  it('publishes the signing key as a public JWK only', async () => {
    const res = await api.get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.body.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      kid: expect.any(String),
    });
    expect(res.body.keys[0]).not.toHaveProperty('d');
  });

  it('answers 404 for an unknown or malformed certificate number', async () => {
    expect((await api.get('/certificates/OGDL-1999-000001/verify')).status).toBe(404);
    expect((await api.get('/certificates/not-a-number')).status).toBe(404);
    expect(
      (await api.post('/certificates/OGDL-1999-000001/revoke', { reason: 'ISSUED_IN_ERROR', note: '' }, moi))
        .status,
    ).toBe(404);
  });

  it('answers a repeated request with the same Idempotency-Key once', async () => {
    const body = {
      datasetId: SEED.datasets.open,
      licensee: licensee('idem@example.tw'),
      purpose: 'COMMERCIAL',
    };
    const first = await api.post('/licenses', body, undefined, { 'idempotency-key': 'license-once-0001' });
    const again = await api.post('/licenses', body, undefined, { 'idempotency-key': 'license-once-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
