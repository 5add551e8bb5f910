// A license on the deployed bundles, requested and confirmed from the mailed link: the confirming function invokes the render function through
// Lambda, stores the PDF in S3, signs with KMS; the certificate verifies against the JWKS.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactVerify, createLocalJWKSet } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { pdfText, squash } from '../support/pdf-text.ts';
import { apiClient } from '../support/runtime.ts';
import { requestAndConfirm } from '../support/licenses.ts';
import { startBundleRuntime } from './support.ts';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startBundleRuntime();
  api = apiClient(runtime);
});
afterAll(async () => runtime?.close());

describe('a license on the deployed bundles', () => {
  it('issues a certificate rendered by the render function, signed by KMS, that verifies', async () => {
    const issued = await requestAndConfirm(api, runtime.url, {
      datasetId: SEED.datasets.open,
      licensee: { name: '林小華', email: 'lin@example.tw', organization: '臺灣開放資料研究室' },
      purpose: 'COMMERCIAL',
    });
    expect(issued.status, issued.text).toBe(200);
    const { number, pdfUrl } = issued.body.certificate as { number: string; pdfUrl: string };
    const operations = runtime.aws!.calls.map((c) => `${c.service}:${c.operation}`);
    expect(operations).toEqual(expect.arrayContaining(['lambda:Invoke', 's3:PutObject', 'kms:Sign']));
    // The certificate is an official record: S3 was asked to lock its version (governance mode) for ten years.
    const put = runtime.aws!.calls.find(
      (c) => c.operation === 'PutObject' && c.note?.key?.endsWith(`${number}.pdf`),
    );
    expect(put?.note, JSON.stringify(runtime.aws!.calls)).toMatchObject({ lockMode: 'GOVERNANCE' });
    const lockedYears =
      (Date.parse(put!.note!.lockUntil!) - Date.parse(issued.body.certificate.issuedAt)) /
      (365.25 * 86_400_000);
    expect(Math.round(lockedYears)).toBe(10);

    const pdfPath = new URL(pdfUrl).pathname + new URL(pdfUrl).search;
    const pdf = Buffer.from(await (await fetch(`${runtime.url}${pdfPath}`)).arrayBuffer());
    const text = squash(await pdfText(pdf));
    expect(text).toContain('林小華');
    expect(text).toContain(number);

    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const verified = await api.get(`/certificates/${number}/verify?sha256=${sha256}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'VALID', signatureValid: true, sha256Matches: true });
    // And independently of the service's own check: the JWS verifies against the published key.
    const jwks = (await api.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const { payload } = await compactVerify(String(verified.body.jws), createLocalJWKSet(jwks));
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ pdfSha256: sha256 });
  });
});
