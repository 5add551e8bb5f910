// Licenses and certificates over HTTP on the local runtime: issue, pay, read the PDF back, verify,
// check a copy, revoke, and see forgeries fail.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactSign, generateKeyPair } from 'jose';
import { grantSummary, OGDL } from '#domain/attribution';
import type { LicenseRecord } from '#domain/license-records';
import { certificateHeader } from '#ports/jws';
import { licenseRepository } from '#ports/license-repository';
import { verifyTokenOf } from '#usecases/certificate-record';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import {
  confirmationSecrets,
  myLicensesSecrets,
  PAYMENT,
  publishSchedules,
  requestAndConfirm,
  SHEET_AND_EXTRACT,
  type ScheduleToPublish,
} from '../../support/licenses.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { ROUNDING_LABELS } from '#templates/labels';
import { pdfText, squash } from '../../support/pdf-text.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

const KB = 1024;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let moi: string;
let nlsc: string;

/** A dataset of `moi-nlsc` on application with approved schedules published on it. */
const datasetWithSchedules = (id: string, schedules: ScheduleToPublish[]) =>
  publishSchedules({ runtime, api, agencyToken: nlsc }, id, schedules);

/** A dataset under one approved schedule taking effect on `effectiveFrom`. */
const datasetWithSchedule = (id: string, effectiveFrom: string) =>
  datasetWithSchedules(id, [{ proposalId: `fp-${id}`, effectiveFrom }]);

const dateFromNow = (days: number) =>
  new Date(runtime.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

const licensee = (email: string, name = '林小華') => ({ name, email, organization: '臺灣開放資料研究室' });

/** POST /licenses, then the confirmation from the mailed link (a licensee's two steps). */
const obtain = (body: { licensee: { email: string } & Record<string, unknown> } & Record<string, unknown>) =>
  requestAndConfirm(api, runtime.url, body);

async function openLicense(email: string, name?: string) {
  const res = await obtain({
    datasetId: SEED.datasets.open,
    licensee: licensee(email, name),
    purpose: 'COMMERCIAL',
  });
  expect(res.status, res.text).toBe(200);
  return res.body as {
    id: string;
    status: string;
    certificate: { number: string; pdfUrl: string; verifyUrl: string };
  };
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

/** The PDF by the link its licensee was given (the number alone does not fetch it). */
async function pdfOf(number: string): Promise<Buffer> {
  const claims = (await licenseRepository.getCertificate(number))!.value.claims;
  const res = await fetch(`${runtime.url}/certificates/${number}?token=${verifyTokenOf(claims)}`);
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
    // Both links carry the certificate's token: the number alone opens neither the PDF nor the licensee.
    const token = new URL(issued.certificate.verifyUrl).searchParams.get('token')!;
    expect(token).toMatch(/^[\w-]{32,}$/);
    expect(pathOf(issued.certificate.pdfUrl)).toBe(
      `/certificates/${issued.certificate.number}?token=${token}`,
    );
    expect(pathOf(issued.certificate.verifyUrl)).toBe(
      `/certificates/${issued.certificate.number}/verify?token=${token}`,
    );
    expect((await fetch(`${runtime.url}/certificates/${issued.certificate.number}`)).status).toBe(403);

    const pdf = await pdfOf(issued.certificate.number);
    expect(pdf.length).toBeLessThanOrEqual(150 * KB);
    const text = squash(await pdfText(pdf));
    // The exhibit's model wording, verbatim, with the data's release year (2024), not the issue year.
    for (const part of [
      '內政部 2024 全國村里界圖 版本 2026.1',
      '此開放資料依政府資料開放授權條款 (Open Government Data License) 進行公眾釋出，使用者於遵守本條款各項規定之前提下，得利用之。',
      '政府資料開放授權條款：https://data.gov.tw/license',
      'Ministry of the Interior 2024 Village and borough boundaries version 2026.1',
      'The Open Data is made available to the public under the Open Government Data License, User can make use of it when complying to the condition and obligation of its terms.',
      'Open Government Data License:https://data.gov.tw/license',
    ])
      expect(text).toContain(squash(part));
    expect(text).toContain(squash(grantSummary.zh));
    expect(text).toContain(squash('免授權金'));
    expect(text).toContain(squash('視為自始未取得授權（第三點第二款）'));
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
    const plain = await api.get(pathOf(certificate.verifyUrl));
    const anyone = await api.get(`/certificates/${certificate.number}/verify`);
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
    expect(same.body.licensee).toEqual({ name: '林小華', organization: '臺灣開放資料研究室' });
    expect(copy.body.sha256Matches).toBe(false);
    // Without the token or the PDF's hash: status and dataset, no one's name, nothing that leads to it.
    for (const answer of [anyone, copy]) {
      expect(answer.body).toMatchObject({ status: 'VALID', signatureValid: true, licenseeShown: false });
      for (const hidden of ['licensee', 'sha256', 'jws', 'paid', 'attribution', 'pdfUrl', 'verifyUrl'])
        expect(answer.body).not.toHaveProperty(hidden);
      expect(JSON.stringify(answer.body)).not.toContain('林小華');
    }
  });

  it('gives the same licensee the same certificate again, also when asked many times at once', async () => {
    // Prepare
    const first = await openLicense('Twice@Example.tw');
    // Act
    const again = await obtain({
      datasetId: SEED.datasets.open,
      licensee: licensee('twice@example.TW'),
      purpose: 'ACADEMIC',
    });
    // Five requests, then their five confirmations at once.
    for (let i = 0; i < 5; i++) {
      const requested = await api.post('/licenses', {
        datasetId: SEED.datasets.open,
        licensee: licensee('racer@example.tw'),
        purpose: 'COMMERCIAL',
      });
      expect(requested.status).toBe(202);
    }
    const secrets = await confirmationSecrets(runtime.url, 'racer@example.tw');
    const racing = await Promise.all(
      secrets.map((secret) => api.call('POST', `/license-confirmations/${secret}`, { body: {} })),
    );
    // Assess
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: first.id,
      reused: true,
      certificate: { number: first.certificate.number },
    });
    expect(racing.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(racing.map((r) => r.body.certificate.number)).size).toBe(1);
    const licenses = await licenseRepository.listByLicensee('racer@example.tw');
    expect(licenses.filter((l) => l.status === 'ISSUED')).toHaveLength(1);
    expect(licenses.filter((l) => l.status === 'ALREADY_HELD')).toHaveLength(4);
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
        releaseYear: 2024,
      },
      certificate: { number: 'OGDL-2026-900001', issuedAt: runtime.clock.now().toISOString() },
    };
    await licenseRepository.create(interrupted);
    await licenseRepository.claimHolder(interrupted, undefined);
    // Act
    const again = await obtain({
      datasetId: SEED.datasets.open,
      licensee: licensee('resume@example.tw'),
      purpose: 'COMMERCIAL',
    });
    // Assess
    expect(again.status).toBe(200);
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

  it('shows browsers a page with the status in the reader’s language, every value escaped, no script', async () => {
    // Prepare
    const { certificate } = await openLicense('page@example.tw', '陳大文 <img src=x onerror=alert(1)>');
    // Act
    const res = await api.call('GET', pathOf(certificate.verifyUrl), {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    const english = await api.call('GET', pathOf(certificate.verifyUrl), {
      headers: { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9' },
    });
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.text).toContain('有效');
    expect(res.text).not.toContain('Valid');
    expect(res.text).toContain('不可撤回');
    expect(english.text).toContain('Valid');
    expect(english.text).not.toContain('不可撤回');
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
    const english = await api.call('GET', `/certificates/${certificate.number}/verify?lang=en`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('已撤銷');
    expect(page.text).toContain('誤發');
    expect(page.text).toContain('&lt;Typo in the name&gt;');
    expect(english.text).toContain('Revoked');
    expect(english.text).toContain('irrevocable and stays in force');
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
    const res = await api.get(pathOf(stored.value.claims.verifyUrl));
    expect(res.body).toMatchObject({ signatureValid: false, licensee: { name: '冒名者' } });
  });
});

describe('a license for data provided on application', () => {
  const ONE_SHEET = [{ itemId: 'sheet', quantity: 1 }];
  const ask = (datasetId: string, email: string, purpose = 'ACADEMIC', items: unknown = ONE_SHEET) =>
    obtain({ datasetId, licensee: licensee(email), purpose, items });
  const pending = async (
    datasetId: string,
    email: string,
    purpose = 'ACADEMIC',
    items: unknown = ONE_SHEET,
  ) => {
    const res = await ask(datasetId, email, purpose, items);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    await datasetWithSchedule('cadastral-effective', dateFromNow(-30));
    await datasetWithSchedule('cadastral-future', dateFromNow(90));
    await datasetWithSchedules('cadastral-sheets', [
      { proposalId: 'fp-sheets', effectiveFrom: dateFromNow(-30), items: SHEET_AND_EXTRACT },
    ]);
    await datasetWithSchedules('cadastral-paid', [
      {
        proposalId: 'fp-paid',
        effectiveFrom: dateFromNow(-30),
        items: SHEET_AND_EXTRACT,
        paymentInstructions: PAYMENT,
      },
    ]);
  });

  it('mails the quote once the address is confirmed: lines, reduction, total, rounding, how to pay and the reference, linking the quote page', async () => {
    // Prepare
    const email = 'quote-mail@example.tw';
    const requested = await api.post('/licenses', {
      datasetId: 'cadastral-paid',
      licensee: licensee(email),
      purpose: 'ACADEMIC',
      items: [
        { itemId: 'sheet', quantity: 7 },
        { itemId: 'extract', quantity: 1 },
      ],
    });
    expect(requested.status).toBe(202);
    expect((await mailsTo(runtime.url, email)).map((m) => m.subject)).toEqual([
      '請確認您的資料授權申請 / Please confirm your data license request',
    ]);
    const [secret] = await confirmationSecrets(runtime.url, email);

    // Act
    const confirmed = await api.call('POST', `/license-confirmations/${secret}`, { body: {} });
    const again = await api.call('POST', `/license-confirmations/${secret}`, { body: {} });

    // Assess: one quote mail, with the quote's facts as stored.
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(again.status).toBe(200);
    const id = requested.body.id as string;
    const mails = await mailsTo(runtime.url, email);
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.subject).toBe(`授權申請報價 ${id} / License quote ${id}`);
    const text = mail.text!;
    const zh = text.slice(0, text.indexOf('\n---\n'));
    expect(zh).toContain('- 地籍圖數值檔（每幅）: NT$20 每檔 × 7 = NT$140');
    expect(zh).toContain('NT$1,500 每次申請 × 1 = NT$1,500');
    expect(zh).toContain('合計：NT$1,640');
    expect(zh).toContain('學術研究減收 50%：−NT$820');
    expect(zh).toContain('應繳金額：NT$820');
    expect(zh).toContain(`計算方式：${ROUNDING_LABELS.REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP.zh}`);
    expect(zh).toContain(`請向 ${PAYMENT.payee.zh} 繳費`);
    expect(zh).toContain(`並於附言註明申請編號 ${id}`);
    expect(zh).toContain(`- 銀行匯款：${PAYMENT.methods[0]!.details.zh}`);
    expect(zh).toContain(`- 臨櫃繳費：${PAYMENT.methods[1]!.details.zh}`);
    expect(zh).toContain('計費法令依據：規費法第 10 條');
    expect(text).toContain(`To pay: NT$820`);
    expect(text).toContain(`- Bank transfer: ${PAYMENT.methods[0]!.details.en}`);
    expect(confirmed.body.quote).toMatchObject({ subtotalTwd: 1640, reductionTwd: 820, totalTwd: 820 });

    // Its one link opens the quote page, a page in Traditional Chinese first.
    const links = linksIn(mail);
    expect(links).toEqual([`${runtime.url}/licenses/${id}`, `${runtime.url}/licenses/${id}`]);
    const page = await fetch(links[0]!, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-Hant');
    expect(html).toContain('NT$820');
    expect(html).toContain(PAYMENT.methods[0]!.details.zh);
    expect(html).toContain(id);
  });

  it('writes the licensee’s mails in the language they asked in, and in both when they named none', async () => {
    // Prepare
    const english = 'quote-mail-en@example.tw';
    const silent = 'quote-mail-silent@example.tw';
    const request = (email: string) => ({
      datasetId: 'cadastral-paid',
      licensee: { name: 'Lin Hsiao-hua', email },
      purpose: 'ACADEMIC',
      items: [{ itemId: 'sheet', quantity: 2 }],
    });

    // Act
    const asked = await api.post('/licenses', request(english), undefined, { 'accept-language': 'en-GB,en' });
    await api.post('/licenses', request(silent), undefined, { 'accept-language': '*' });
    const [secret] = await confirmationSecrets(runtime.url, english);
    await api.call('POST', `/license-confirmations/${secret}`, { body: {} });

    // Assess: English alone, the quote too (it is sent later, from the language stored).
    const mails = await mailsTo(runtime.url, english);
    expect(mails.map((m) => m.subject)).toEqual([
      'Please confirm your data license request',
      `License quote ${asked.body.id as string}`,
    ]);
    // The schedule's legal basis is quoted as the agency wrote it, in Chinese; nothing else is.
    for (const mail of mails) expect(mail.text!.replace('規費法第 10 條', '')).not.toMatch(/\p{Script=Han}/u);
    expect(mails[1]!.text).toContain('To pay: NT$20');
    expect((await mailsTo(runtime.url, silent)).map((m) => m.subject)).toEqual([
      '請確認您的資料授權申請 / Please confirm your data license request',
    ]);
  });

  it('mails no quote when nothing is to be paid', async () => {
    const email = 'free-quote@example.tw';
    expect((await pending('cadastral-future', email, 'ACADEMIC', [])).quote.totalTwd).toBe(0);
    expect((await mailsTo(runtime.url, email)).map((m) => m.subject)).toEqual([
      '請確認您的資料授權申請 / Please confirm your data license request',
    ]);
  });

  it('counts the quote mail against the recipient’s mail limit: past it, the confirmation is refused and nothing is confirmed', async () => {
    // Prepare: a limit of one mail, which the confirmation link uses.
    const saved = process.env.RATE_LIMIT_MAILS_PER_RECIPIENT;
    const email = 'quote-limit@example.tw';
    process.env.RATE_LIMIT_MAILS_PER_RECIPIENT = '1/86400';
    let refused;
    let requested;
    try {
      requested = await api.post('/licenses', {
        datasetId: 'cadastral-paid',
        licensee: licensee(email),
        purpose: 'COMMERCIAL',
        items: ONE_SHEET,
      });
      const [secret] = await confirmationSecrets(runtime.url, email);
      // Act
      refused = await api.call('POST', `/license-confirmations/${secret}`, { body: {} });
    } finally {
      process.env.RATE_LIMIT_MAILS_PER_RECIPIENT = saved;
    }
    // Assess
    expect(requested.status).toBe(202);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect((await licenseRepository.get(requested.body.id))!.value.status).toBe(
      'AWAITING_EMAIL_CONFIRMATION',
    );
    expect(await mailsTo(runtime.url, email)).toHaveLength(1);
    // Within the limit again, the same link confirms and the quote is mailed.
    const [secret] = await confirmationSecrets(runtime.url, email);
    expect((await api.call('POST', `/license-confirmations/${secret}`, { body: {} })).status).toBe(200);
    expect((await mailsTo(runtime.url, email)).map((m) => m.subject)[1]).toContain('授權申請報價');
  });

  it('quotes one cadastral sheet at NT$20: only the items asked for, each times its quantity', async () => {
    const one = await pending('cadastral-sheets', 'one-sheet@example.tw', 'COMMERCIAL');
    expect(one).toMatchObject({
      status: 'AWAITING_PAYMENT',
      quote: {
        lines: [{ itemId: 'sheet', quantity: 1, unitAmountTwd: 20, amountTwd: 20 }],
        subtotalTwd: 20,
        reductionPercent: 0,
        reductionTwd: 0,
        totalTwd: 20,
        rounding: 'REDUCTION_ON_SUBTOTAL_ROUNDED_HALF_UP',
      },
    });
    expect(one.quote.lines).toHaveLength(1);
    const many = await pending('cadastral-sheets', 'many@example.tw', 'ACADEMIC', [
      { itemId: 'sheet', quantity: 7 },
      { itemId: 'extract', quantity: 1 },
    ]);
    expect(many.quote).toMatchObject({
      subtotalTwd: 1640,
      reductionPercent: 50,
      reductionTwd: 820,
      totalTwd: 820,
    });
  });

  it('refuses unknown items and quantities outside the item’s limits with 422 naming the field, storing nothing', async () => {
    const unknown = await ask('cadastral-sheets', 'bad-1@example.tw', 'COMMERCIAL', [
      { itemId: 'copy', quantity: 1 },
    ]);
    const tooMany = await ask('cadastral-sheets', 'bad-2@example.tw', 'COMMERCIAL', [
      { itemId: 'sheet', quantity: 501 },
    ]);
    const zero = await ask('cadastral-sheets', 'bad-3@example.tw', 'COMMERCIAL', [
      { itemId: 'sheet', quantity: 0 },
    ]);
    const none = await ask('cadastral-sheets', 'bad-4@example.tw', 'COMMERCIAL', []);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: 'UNKNOWN_FEE_ITEM',
      details: [{ path: 'items.0.itemId' }],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({
      code: 'QUANTITY_OUT_OF_LIMITS',
      details: [{ path: 'items.0.quantity' }],
    });
    expect(zero.body.error.code).toBe('QUANTITY_OUT_OF_LIMITS');
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({ code: 'FEE_ITEMS_REQUIRED', details: [{ path: 'items' }] });
    const fractional = await ask('cadastral-sheets', 'bad-5@example.tw', 'COMMERCIAL', [
      { itemId: 'sheet', quantity: 1.5 },
    ]);
    expect(fractional.status).toBe(400);
    expect(fractional.body.error.details[0].path).toBe('items.0.quantity');
    // Nothing was stored: the licensee can ask again properly.
    expect((await pending('cadastral-sheets', 'bad-2@example.tw', 'COMMERCIAL')).quote.totalTwd).toBe(20);
  });

  it('asks for items and quantities on the license form, and the quote page lists the lines', async () => {
    const page = await api.call('GET', '/licenses/new?datasetId=cadastral-sheets', {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('name="items.0.itemId" value="sheet"');
    expect(page.text).toContain('name="items.1.quantity"');
    const post = (fields: Record<string, string>) =>
      fetch(`${runtime.url}/licenses`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          datasetId: 'cadastral-sheets',
          'licensee.name': '林小華',
          'licensee.email': 'form-sheet@example.tw',
          purpose: 'COMMERCIAL',
          'items.0.itemId': 'sheet',
          'items.1.itemId': 'extract',
          ...fields,
        }),
      });
    const refused = await post({ 'items.0.quantity': '', 'items.1.quantity': '0' });
    // The route answers the form itself, with the refusal at the row's quantity and what was typed.
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('text/html');
    const again = await refused.text();
    expect(again).toContain('class="error-summary"');
    expect(again).toContain('id="f-items-1-quantity-error"');
    expect(again).toContain('value="林小華"');
    const accepted = await post({ 'items.0.quantity': '2', 'items.1.quantity': '' });
    expect(accepted.status).toBe(303);
    const waiting = await (await fetch(`${runtime.url}${accepted.headers.get('location')}`)).text();
    expect(waiting).toContain('請確認您的電子郵件地址');
    const [secret] = await confirmationSecrets(runtime.url, 'form-sheet@example.tw');
    const confirmPage = await (await fetch(`${runtime.url}/license-confirmations/${secret}`)).text();
    expect(confirmPage).toContain('林小華');
    expect(confirmPage).toContain('您的電子郵件地址不會公開');
    const confirmed = await fetch(`${runtime.url}/license-confirmations/${secret}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(accepted.headers.get('location'));
    const quotePage = await (await fetch(`${runtime.url}${accepted.headers.get('location')}`)).text();
    expect(quotePage).toContain('NT$40');
    expect(quotePage).toContain('四捨五入至元');
  });

  it('publishes fee metadata for harvesting: data.gov.tw fields and DCAT JSON-LD with the schedule in force', async () => {
    const govtw = (await api.get('/datasets/cadastral-sheets?format=data.gov.tw')).body;
    expect(govtw).toMatchObject({
      資料集識別碼: 'cadastral-sheets',
      資料提供屬性: '依申請提供',
      授權方式: '依申請提供之個別授權',
      授權說明網址: 'https://www.nlsc.gov.tw/conditions/cadastral-maps',
      計費方式: '付費',
      計費說明網址: 'https://www.nlsc.gov.tw/fees',
      計費法令依據: '規費法第 10 條',
      收費基準: {
        編號: 'fp-sheets',
        收費項目: [
          { 代碼: 'sheet', 金額: 20, 計費單位: '每檔', 單次上限: 500 },
          { 代碼: 'extract', 金額: 1500 },
        ],
        差別費率: [{ 利用目的: '學術研究', 減收百分比: 50 }],
      },
    });
    const open = (await api.get(`/datasets/${SEED.datasets.open}?format=data.gov.tw`)).body;
    expect(open).toMatchObject({
      授權方式: OGDL.nameZh,
      授權說明網址: OGDL.url,
      計費方式: '免費',
      計費法令依據: '',
    });
    const dcat = await api.call('GET', '/datasets/cadastral-sheets', {
      headers: { accept: 'application/ld+json' },
    });
    expect(dcat.headers.get('content-type')).toContain('application/ld+json');
    const ld = JSON.parse(dcat.text);
    expect(ld).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:license': { '@id': 'https://www.nlsc.gov.tw/conditions/cadastral-maps' },
      'schema:isAccessibleForFree': false,
      'fee:chargeMethod': '付費',
      'fee:explanationUrl': { '@id': 'https://www.nlsc.gov.tw/fees' },
      'fee:legalBasis': '規費法第 10 條',
      'fee:scheduleInForce': {
        'fee:item': [{ 'dct:identifier': 'sheet', 'schema:price': 20 }, { 'dct:identifier': 'extract' }],
      },
    });
    expect(
      JSON.parse((await api.call('GET', `/datasets/${SEED.datasets.open}?format=jsonld`)).text),
    ).toMatchObject({
      'dct:license': { '@id': OGDL.url },
      'schema:isAccessibleForFree': true,
    });
  });

  it('refuses fee items for open data, which is free', async () => {
    const res = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: licensee('open-items@example.tw'),
      purpose: 'COMMERCIAL',
      items: ONE_SHEET,
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'OPEN_DATA_IS_FREE', details: [{ path: 'items' }] });
  });

  it('is quoted from the schedule in force with the reduction declared for the purpose', async () => {
    const academic = await pending('cadastral-effective', 'quote-a@example.tw', 'ACADEMIC');
    const commercial = await pending('cadastral-effective', 'quote-c@example.tw', 'COMMERCIAL');
    expect(academic).toMatchObject({
      id: expect.stringMatching(/^lic-/),
      status: 'AWAITING_PAYMENT',
      quote: {
        lines: [{ itemId: 'sheet', unitAmountTwd: 200, quantity: 1 }],
        reductionPercent: 50,
        totalTwd: 100,
      },
    });
    expect(academic).not.toHaveProperty('certificate');
    expect(commercial.quote).toMatchObject({ reductionPercent: 0, totalTwd: 200 });
  });

  it('is free while the dataset’s only schedule is not yet in force (no items to choose)', async () => {
    const withItems = await ask('cadastral-future', 'early@example.tw', 'ACADEMIC');
    expect(withItems.status).toBe(422);
    expect(withItems.body.error.code).toBe('NO_FEE_SCHEDULE_IN_FORCE');
    const free = await pending('cadastral-future', 'early@example.tw', 'ACADEMIC', []);
    expect(free.quote).toMatchObject({ lines: [], totalTwd: 0 });
  });

  it('prices by schedule A between B’s approval and B’s date, and by B from its date', async () => {
    await datasetWithSchedules('cadastral-a-b', [
      { proposalId: 'fp-a-b-1', effectiveFrom: dateFromNow(-60), items: SHEET_AND_EXTRACT },
      {
        proposalId: 'fp-a-b-2',
        effectiveFrom: dateFromNow(40),
        items: [
          {
            ...SHEET_AND_EXTRACT[0],
            amountTwd: 30,
            costLines: [{ category: 'MEDIA', description: 'Copy', quantity: 1, unitCostTwd: 30 }],
          },
        ],
      },
    ]);
    const between = await pending('cadastral-a-b', 'a-b-1@example.tw', 'COMMERCIAL');
    expect(between.quote).toMatchObject({ totalTwd: 20, schedule: { proposalId: 'fp-a-b-1' } });
    const shown = (await api.get('/datasets/cadastral-a-b')).body.feeSchedules;
    expect(shown.inForce).toMatchObject({
      proposalId: 'fp-a-b-1',
      items: [{ id: 'sheet', amountTwd: 20 }, { id: 'extract' }],
    });
    expect(shown.next).toMatchObject({ proposalId: 'fp-a-b-2', items: [{ id: 'sheet', amountTwd: 30 }] });
    expect(shown.history.map((h: any) => h.proposalId)).toEqual(['fp-a-b-1', 'fp-a-b-2']);
  });

  it('shows the schedules as a page: the one in force with its items, the next one, and the history with the superseded one', async () => {
    // Prepare: the oldest schedule, superseded by the one in force; the next one announced.
    const cheaper = [
      {
        ...SHEET_AND_EXTRACT[0],
        amountTwd: 15,
        costLines: [{ category: 'MEDIA', description: 'Copy', quantity: 1, unitCostTwd: 15 }],
      },
    ];
    await datasetWithSchedules('cadastral-history', [
      { proposalId: 'fp-history-1', effectiveFrom: dateFromNow(-400), items: cheaper },
      { proposalId: 'fp-history-2', effectiveFrom: dateFromNow(-30), items: SHEET_AND_EXTRACT },
      { proposalId: 'fp-history-3', effectiveFrom: dateFromNow(50), items: SHEET_AND_EXTRACT },
    ]);
    // Act
    const res = await fetch(`${runtime.url}/datasets/cadastral-history/fee-schedules?lang=en`);
    const dataset = await fetch(`${runtime.url}/datasets/cadastral-history`, {
      headers: { accept: 'text/html' },
    });
    const unknown = await fetch(`${runtime.url}/datasets/no-such-dataset/fee-schedules`);
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const section = (heading: string) => html.slice(html.indexOf(`<h2>${heading}</h2>`));
    expect(section('Fee schedule in force')).toMatch(/href="\/consultations\/fp-history-2"/);
    expect(section('Next fee schedule')).toMatch(/href="\/consultations\/fp-history-3"/);
    const history = section('History');
    const order = ['fp-history-3', 'fp-history-2', 'fp-history-1'].map((id) =>
      history.indexOf(`/consultations/${id}"`),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(history).toContain('Superseded on');
    expect(history).toContain('NT$15');
    expect(await dataset.text()).toContain('href="/datasets/cadastral-history/fee-schedules"');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('找不到資料集');
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
      certificate: { number: expect.stringMatching(/^APL-\d{4}-\d{6}$/) },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('LICENSE_ALREADY_PAID');

    const { number } = paid.body.certificate;
    const text = squash(await pdfText(await pdfOf(number)));
    expect(text).toContain('fp-cadastral-effective');
    expect(text).toContain('NT$100');
    expect(text).toContain('50%');
    // A grant on application is not an OGDL grant: its own kind, number and conditions, no OGDL.
    for (const part of [
      '依申請提供之個別授權',
      'License for data provided on application',
      '數值地籍圖資料提供使用規範（版本 2025.1）',
      'https://www.nlsc.gov.tw/conditions/cadastral-maps',
      '資料來源：內政部國土測繪中心「地籍圖 cadastral-effective」（版本 2026-Q4，2025）',
      '法令依據 Legal basis：規費法第 10 條',
      '× 1 = NT$200',
      '收據號碼 Receipt No. R-1',
    ])
      expect(text).toContain(squash(part));
    expect(text).not.toContain('政府資料開放授權條款');
    expect(text).not.toContain('OGDL-');
    expect(text).not.toContain('SPDX');
    expect(text).not.toContain(squash('任何人'));
    const verify = await api.get(pathOf(paid.body.certificate.verifyUrl));
    expect(verify.body).toMatchObject({
      status: 'VALID',
      signatureValid: true,
      license: { kind: 'ON_APPLICATION', name: { zh: '依申請提供之個別授權' } },
      paid: {
        scheduleId: 'fp-cadastral-effective',
        amountTwd: 100,
        purpose: 'ACADEMIC',
        reductionPercent: 50,
        reductionTwd: 100,
        lines: [{ itemId: 'sheet', quantity: 1, amountTwd: 200 }],
        receiptNumber: 'R-1',
      },
    });
  });

  it('gives the pending quote again to the same licensee instead of a second license', async () => {
    const first = await pending('cadastral-effective', 'again@example.tw');
    const second = await pending('cadastral-effective', 'again@example.tw');
    expect(second).toMatchObject({ id: first.id, reused: true, quote: { totalTwd: 100 } });
  });

  it('refuses, with 422 saying why, a second request of the licensee for other items while the first awaits payment', async () => {
    // Prepare
    const email = 'other-items@example.tw';
    const first = await pending('cadastral-sheets', email, 'COMMERCIAL');
    // Act
    const json = await ask('cadastral-sheets', email, 'COMMERCIAL', [{ itemId: 'sheet', quantity: 3 }]);
    await api.post('/licenses', {
      datasetId: 'cadastral-sheets',
      licensee: licensee(email),
      purpose: 'COMMERCIAL',
      items: [{ itemId: 'extract', quantity: 1 }],
    });
    const secret = (await confirmationSecrets(runtime.url, email)).at(-1)!;
    const form = await fetch(`${runtime.url}/license-confirmations/${secret}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    // Assess
    expect(json.status).toBe(422);
    expect(json.body.error).toMatchObject({
      code: 'LICENSE_AWAITING_PAYMENT_FOR_OTHER_ITEMS',
      details: [{ path: 'items', rule: 'LICENSE_AWAITING_PAYMENT_FOR_OTHER_ITEMS' }],
    });
    expect(json.body.error.message).toContain(`License '${first.id}'`);
    expect(json.body.error.message).toContain('sheet × 1');
    expect(form.status).toBe(422);
    expect(form.headers.get('content-type')).toContain('text/html');
    expect(await form.text()).toContain('本次申請未予報價');
    // The earlier quote is untouched; the same items again still answer it.
    expect((await pending('cadastral-sheets', email, 'COMMERCIAL')).id).toBe(first.id);
    expect((await licenseRepository.get(first.id))!.value).toMatchObject({
      status: 'AWAITING_PAYMENT',
      quote: { totalTwd: 20 },
    });
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

  it('mails the licensee the quote, then the certificate with its PDF link and attribution, then its revocation; the license page follows', async () => {
    // Prepare
    const email = 'kept-informed@example.tw';
    const license = await pending('cadastral-paid', email, 'COMMERCIAL');
    // Act
    const paid = await api.post(`/licenses/${license.id}/payment`, { amountTwd: 20, reference: 'K-1' }, nlsc);
    const { number } = paid.body.certificate;
    const issuedPage = await api.call('GET', `/licenses/${license.id}`, { headers: { accept: 'text/html' } });
    await api.post(
      `/certificates/${number}/revoke`,
      { reason: 'CONDITIONS_BREACHED', note: '轉售圖資' },
      nlsc,
    );
    // Assess
    const mails = await mailsTo(runtime.url, email);
    expect(mails.map((m) => m.subject)).toEqual([
      '請確認您的資料授權申請 / Please confirm your data license request',
      `授權申請報價 ${license.id} / License quote ${license.id}`,
      `授權證明書已核發 ${number} / Your license certificate ${number}`,
      `授權證明書狀態變更：已撤銷 ${number} / Certificate ${number}: Revoked`,
    ]);
    const [, , certificateMail, revocationMail] = mails;
    const stored = (await licenseRepository.getCertificate(number))!.value;
    const pdfLink = `${runtime.url}/certificates/${number}?token=${verifyTokenOf(stored.claims)}`;
    expect(linksIn(certificateMail!)).toContain(pdfLink);
    expect(linksIn(certificateMail!)).toContain(`${runtime.url}/licenses/${license.id}`);
    expect(certificateMail!.text).toContain(stored.claims.source!.zh);
    expect(certificateMail!.text).toContain(stored.claims.source!.en);
    const pdf = await fetch(pdfLink);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(revocationMail!.text).toContain('違反授權條件');
    expect(revocationMail!.text).toContain('轉售圖資');
    expect(linksIn(revocationMail!)).toContain(`${runtime.url}/licenses/${license.id}`);
    expect(issuedPage.text).toContain('授權證明書已核發');
    const revokedPage = await api.call('GET', `/licenses/${license.id}`, {
      headers: { accept: 'text/html' },
    });
    expect(revokedPage.status).toBe(200);
    expect(revokedPage.text).not.toContain('授權證明書已核發');
    expect(revokedPage.text).toContain('授權證明書已撤銷');
    expect(revokedPage.text).toContain('不再證明有效之授權');
  });

  it('mails the certificate of a grant issued at once, and marks an OGDL record without saying the grant ended', async () => {
    const email = 'ogdl-informed@example.tw';
    const issued = await obtain({
      datasetId: SEED.datasets.open,
      licensee: licensee(email),
      purpose: 'ACADEMIC',
    });
    const number = issued.body.certificate.number as string;
    const marking = await api.post(`/certificates/${number}/revoke`, { reason: 'ISSUED_IN_ERROR' }, moi);
    expect(marking.status, marking.text).toBe(200);
    const [, certificateMail, marked] = await mailsTo(runtime.url, email);
    expect(certificateMail!.subject).toContain(number);
    expect(certificateMail!.text).toContain('顯名聲明');
    expect(certificateMail!.text).toContain(OGDL.url);
    expect(marked!.text).toContain('授權不可撤回');
    const page = await api.call('GET', `/licenses/${issued.body.id}`, { headers: { accept: 'text/html' } });
    expect(page.text).not.toContain('授權證明書已核發');
    expect(page.text).toContain('不可撤回');
  });
});

describe('my licenses, from a link mailed to the address', () => {
  const ask = (email: string) => api.post('/my-licenses', { email });

  it('lists the licenses confirmed from an address, each with where it stands and its page', async () => {
    // Prepare: one issued, one awaiting payment, one never confirmed.
    const email = 'Mine@Example.tw';
    const issued = await obtain({
      datasetId: SEED.datasets.open,
      licensee: licensee(email),
      purpose: 'ACADEMIC',
    });
    const unconfirmed = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: licensee('mine@example.tw', '冒用者'),
      purpose: 'COMMERCIAL',
    });
    // Act
    const res = await ask('mine@example.TW');
    // Assess
    expect(res.status, res.text).toBe(202);
    expect(res.body).toEqual({ status: 'LINK_MAILED' });
    const [secret] = await myLicensesSecrets(runtime.url, 'mine@example.TW');
    const page = await fetch(`${runtime.url}/my-licenses/${secret}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`href="/licenses/${issued.body.id}"`);
    expect(html).toContain(issued.body.certificate.number);
    expect(html).toContain('有效');
    expect(html).not.toContain(unconfirmed.body.id);
    expect(html).not.toContain('冒用者');
  });

  it('writes the mail in the language the request expressed, in both where it expressed none', async () => {
    // Act
    const asked = [
      ['english@example.tw', { 'accept-language': 'en-GB,en;q=0.9' }],
      ['chinese@example.tw', { 'accept-language': 'zh-TW' }],
      ['either@example.tw', {}],
    ] as const;
    for (const [email, headers] of asked)
      expect((await api.post('/my-licenses', { email }, undefined, headers)).status).toBe(202);

    // Assess
    const [en] = await mailsTo(runtime.url, 'english@example.tw');
    expect(en?.subject).toBe('Your data licenses');
    expect(en?.text).toContain('Taipei time');
    expect(en?.text).not.toContain('有人請求');
    const [zh] = await mailsTo(runtime.url, 'chinese@example.tw');
    expect(zh?.subject).toBe('您的資料授權');
    expect(zh?.text).toContain('臺北時間');
    expect(zh?.text).not.toContain('Someone asked');
    const [both] = await mailsTo(runtime.url, 'either@example.tw');
    expect(both?.subject).toBe('您的資料授權 / Your data licenses');
    expect(both?.text).toContain('有人請求');
    expect(both?.text).toContain('Someone asked');
    for (const mail of [en, zh, both]) {
      const mailed = linksIn(mail!).filter((l) => /\/my-licenses\/[A-Za-z0-9_-]{32}$/.test(l));
      expect(new Set(mailed).size).toBe(1);
    }
  });

  it('answers the same for an address with no licenses, mailing it a link that lists none', async () => {
    const res = await ask('nobody@example.tw');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'LINK_MAILED' });
    const [secret] = await myLicensesSecrets(runtime.url, 'nobody@example.tw');
    const html = await (await fetch(`${runtime.url}/my-licenses/${secret}`)).text();
    expect(html).toContain('尚無已確認的授權申請');
  });

  it('refuses a bad address with 400 naming the field, and from the form shows it again with the message', async () => {
    const bad = await ask('not-an-address');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('email');
    const form = await fetch(`${runtime.url}/my-licenses`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=not-an-address',
      redirect: 'manual',
    });
    // The route answers the form itself, with the field's message and what was typed.
    expect(form.status).toBe(400);
    expect(form.headers.get('content-type')).toContain('text/html');
    const again = await form.text();
    expect(again).toContain('class="error-summary"');
    expect(again).toContain('value="not-an-address"');
    expect(again).toContain('id="f-email-error"');
    const sent = await fetch(`${runtime.url}/my-licenses`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=form%40example.tw',
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/my-licenses/new?sent=1');
  });

  it('answers 404 for an unknown link and 410 once the link has expired, each a page leading to a new one', async () => {
    await ask('expiring@example.tw');
    const [secret] = await myLicensesSecrets(runtime.url, 'expiring@example.tw');
    const unknown = await fetch(`${runtime.url}/my-licenses/${'x'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('href="/my-licenses/new"');
    runtime.clock.advanceBy(25 * 60 * 60 * 1000);
    const expired = await fetch(`${runtime.url}/my-licenses/${secret}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('此連結已過期');
  });

  it('counts each link against the recipient’s mail limit: past it, 429 and no mail', async () => {
    const saved = process.env.RATE_LIMIT_MAILS_PER_RECIPIENT;
    process.env.RATE_LIMIT_MAILS_PER_RECIPIENT = '2/86400';
    try {
      expect((await ask('limited@example.tw')).status).toBe(202);
      expect((await ask('LIMITED@example.tw')).status).toBe(202);
      const refused = await ask('limited@example.tw');
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
    } finally {
      process.env.RATE_LIMIT_MAILS_PER_RECIPIENT = saved;
    }
    const mailed = [
      ...(await mailsTo(runtime.url, 'limited@example.tw')),
      ...(await mailsTo(runtime.url, 'LIMITED@example.tw')),
    ];
    expect(mailed).toHaveLength(2);
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
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
