import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { GetPublicKeyCommand, KMSClient, KMSInternalException, SignCommand } from '@aws-sdk/client-kms';
import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { CERTIFICATE_JWS_TYPE, derToJose, verifyCertificateJws } from '#ports/jws';
import { KmsSigner } from '#ports/signer-kms';
import { LocalKeySigner } from '#ports/signer-local';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();

const certificate = {
  number: 'OGDL-2026-000001',
  datasetId: 'ds-moi-address',
  licensee: '臺灣開放資料股份有限公司',
  issuedAt: '2026-11-02T01:30:00.000Z',
  pdfSha256: 'b'.repeat(64),
};

/** Changes one decoded byte of one part of a compact JWS and re-encodes it. */
function withByteChanged(jws: string, part: 1 | 2, index: number): string {
  const parts = jws.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('LocalKeySigner', () => {
  it('signs a certificate record that verifies with its published key set', async () => {
    const signer = new LocalKeySigner(await tempDir());

    const jws = await signer.sign(certificate);
    const jwks = await signer.publicJwks();

    expect(await verifyCertificateJws(jws, jwks)).toEqual({ valid: true, claims: certificate });
    const [key] = jwks.keys;
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'ES256', kid: key!.kid, typ: CERTIFICATE_JWS_TYPE });
    expect(key!.kid).toBe(await calculateJwkThumbprint(key!, 'sha256'));
    expect(key).not.toHaveProperty('d');
  });

  it('keeps its key across a restart: same kid, and signatures from before still verify', async () => {
    const dir = await tempDir();
    const before = new LocalKeySigner(dir);
    const oldJws = await before.sign(certificate);
    const oldJwks = await before.publicJwks();

    const after = new LocalKeySigner(dir);
    const newJwks = await after.publicJwks();

    expect(newJwks).toEqual(oldJwks);
    expect((await verifyCertificateJws(oldJws, newJwks)).valid).toBe(true);
    expect((await verifyCertificateJws(await after.sign(certificate), oldJwks)).valid).toBe(true);
    expect((await stat(join(dir, 'keys', 'certificate-signing.private.jwk.json'))).mode & 0o777).toBe(0o600);
  });

  it('ends up with one key when several signers start on a fresh folder at once', async () => {
    const dir = await tempDir();

    const kids = await Promise.all(
      Array.from({ length: 6 }, async () => (await new LocalKeySigner(dir).publicJwks()).keys[0]!.kid),
    );

    expect(new Set(kids).size).toBe(1);
  });

  it('rejects a token with any one byte of payload or signature changed', async () => {
    const signer = new LocalKeySigner(await tempDir());
    const jws = await signer.sign(certificate);
    const jwks = await signer.publicJwks();
    const payloadLength = Buffer.from(jws.split('.')[1]!, 'base64url').length;

    for (const index of [0, 1, Math.floor(payloadLength / 2), payloadLength - 1]) {
      expect(
        await verifyCertificateJws(withByteChanged(jws, 1, index), jwks),
        `payload byte ${index}`,
      ).toMatchObject({ valid: false });
    }
    for (const index of [0, 31, 32, 63]) {
      expect(
        await verifyCertificateJws(withByteChanged(jws, 2, index), jwks),
        `signature byte ${index}`,
      ).toMatchObject({
        valid: false,
        reason: expect.any(String),
      });
    }
  });

  it('answers forged and malformed tokens with valid false and a reason, never an exception', async () => {
    const signer = new LocalKeySigner(await tempDir());
    const jwks = await signer.publicJwks();
    const kid = jwks.keys[0]!.kid!;
    const header = { alg: 'ES256', kid, typ: CERTIFICATE_JWS_TYPE } as const;
    const otherKey = await generateKeyPair('ES256');
    const payload = new TextEncoder().encode(JSON.stringify(certificate));
    const genuine = await signer.sign(certificate);
    const forged = [
      '',
      'not a token',
      'a.b.c',
      `${genuine}.extra`,
      genuine.split('.').slice(0, 2).join('.') + '.',
      new UnsecuredJWT(certificate).encode(),
      // Signed with another key under the genuine kid.
      await new CompactSign(payload).setProtectedHeader(header).sign(otherKey.privateKey),
      // HS256 with the public key's x as the secret: the old alg-confusion trick.
      await new SignJWT(certificate)
        .setProtectedHeader({ alg: 'HS256', kid, typ: CERTIFICATE_JWS_TYPE })
        .sign(Buffer.from(jwks.keys[0]!.x!)),
      'x'.repeat(100_000),
    ];
    for (const token of forged) {
      const result = await verifyCertificateJws(token, jwks);
      expect(result, token.slice(0, 40)).toMatchObject({ valid: false, reason: expect.any(String) });
      expect(result.claims).toBeUndefined();
    }

    expect((await verifyCertificateJws(genuine, { keys: 'nonsense' } as any)).valid).toBe(false);
    expect((await verifyCertificateJws(genuine, { keys: [] })).valid).toBe(false);
    expect((await verifyCertificateJws(null as any, jwks)).valid).toBe(false);
  });
});

describe('verifyCertificateJws', () => {
  it('refuses a correctly signed token that is not a certificate: another typ, or a payload that is not a JSON object', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const jwks = { keys: [{ ...publicJwk, kid, alg: 'ES256' }] };
    const signed = (typ: string, payload: string | Uint8Array) =>
      new CompactSign(typeof payload === 'string' ? new TextEncoder().encode(payload) : payload)
        .setProtectedHeader({ alg: 'ES256', kid, typ })
        .sign(privateKey);

    const certificateToken = await signed(CERTIFICATE_JWS_TYPE, JSON.stringify(certificate));
    expect(await verifyCertificateJws(certificateToken, jwks)).toEqual({ valid: true, claims: certificate });

    for (const token of [
      await signed('JWT', JSON.stringify(certificate)),
      await signed(CERTIFICATE_JWS_TYPE, '["OGDL-2026-000001"]'),
      await signed(CERTIFICATE_JWS_TYPE, 'null'),
      await signed(CERTIFICATE_JWS_TYPE, '{"number":'),
      await signed(CERTIFICATE_JWS_TYPE, new Uint8Array([0x7b, 0xff, 0x7d])),
    ]) {
      expect(await verifyCertificateJws(token, jwks)).toMatchObject({
        valid: false,
        reason: expect.any(String),
      });
    }
  });
});

/** Length bytes of r and s inside a P-256 DER signature (short form lengths throughout). */
function integerLengths(der: Buffer): { r: number; s: number } {
  const r = der[3]!;
  return { r, s: der[5 + r]! };
}

describe('derToJose', () => {
  it('turns node:crypto DER signatures into r‖s that verify as IEEE P1363, including short and zero-padded integers', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const seen = { rPadded: 0, sPadded: 0, rShort: 0, sShort: 0 };
    let count = 0;
    // Short integers come about once in 256 signatures each; go on until both showed up a few
    // times (bounded, so a broken generator fails instead of hanging).
    while ((count < 2_000 || seen.rShort < 3 || seen.sShort < 3) && count < 50_000) {
      const message = randomBytes(1 + (count % 200));
      const der = nodeSign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
      const { r, s } = integerLengths(der);
      if (r === 33) seen.rPadded++;
      if (s === 33) seen.sPadded++;
      if (r < 32) seen.rShort++;
      if (s < 32) seen.sShort++;

      const jose = derToJose(der);

      expect(jose).toHaveLength(64);
      if (!nodeVerify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)) {
        throw new Error(`signature ${count} (${der.toString('hex')}) does not verify after conversion`);
      }
      count++;
    }
    expect(seen.rShort).toBeGreaterThanOrEqual(3);
    expect(seen.sShort).toBeGreaterThanOrEqual(3);
    expect(seen.rPadded).toBeGreaterThan(count / 4);
    expect(seen.sPadded).toBeGreaterThan(count / 4);
  });

  it('pads small integers and drops the sign byte, byte for byte', () => {
    // r = 1, s = 0x80 followed by 31 bytes of 0x01 (needs its 0x00 sign byte in DER).
    const s = Buffer.concat([Buffer.from([0x80]), Buffer.alloc(31, 0x01)]);
    const der = Buffer.concat([Buffer.from([0x30, 3 + 2 + 33, 0x02, 0x01, 0x01, 0x02, 0x21, 0x00]), s]);

    const jose = derToJose(der);

    expect(jose.subarray(0, 32).equals(Buffer.concat([Buffer.alloc(31), Buffer.from([0x01])]))).toBe(true);
    expect(jose.subarray(32).equals(s)).toBe(true);
  });

  it('refuses anything that is not a strict DER pair of positive integers that fit', () => {
    const int = (...bytes: number[]) => [0x02, bytes.length, ...bytes];
    const seq = (...content: number[]) => Buffer.from([0x30, content.length, ...content]);
    const malformed = {
      empty: Buffer.alloc(0),
      'not a sequence': Buffer.from([0x31, 0x06, ...int(1), ...int(1)]),
      'sequence too long': Buffer.from([0x30, 0x07, ...int(1), ...int(1)]),
      'trailing byte': Buffer.concat([seq(...int(1), ...int(1)), Buffer.from([0x00])]),
      'one integer': seq(...int(1)),
      'three integers': seq(...int(1), ...int(1), ...int(1)),
      'negative r': seq(...int(0x80), ...int(1)),
      'non-minimal r': seq(...int(0x00, 0x01), ...int(1)),
      'zero r': seq(...int(0x00), ...int(1)),
      'empty s': seq(...int(1), 0x02, 0x00),
      'r of 33 bytes': seq(...int(...Array(33).fill(0x01)), ...int(1)),
      'truncated s': Buffer.from([0x30, 0x06, ...int(1), 0x02, 0x05, 0x01]),
      'non-minimal length': Buffer.from([0x30, 0x81, 0x06, ...int(1), ...int(1)]),
    };
    for (const [what, der] of Object.entries(malformed)) {
      expect(() => derToJose(der), what).toThrow(/Invalid DER ECDSA signature/);
    }
  });
});

describe('KmsSigner', () => {
  const client = new KMSClient({
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const kms = mockClient(client);
  const keyArn = 'arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  /** A stand-in for KMS holding a key made here: it signs as KMS does, in DER. */
  function fakeKms(privateKey: KeyObject, publicKey: KeyObject) {
    kms.reset();
    kms.on(GetPublicKeyCommand).resolves({
      KeyId: keyArn,
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
      PublicKey: publicKey.export({ format: 'der', type: 'spki' }),
    });
    kms.on(SignCommand).callsFake((input) => ({
      KeyId: keyArn,
      SigningAlgorithm: 'ECDSA_SHA_256',
      Signature: nodeSign('sha256', input.Message, { key: privateKey, dsaEncoding: 'der' }),
    }));
  }

  it('produces a JWS that verifies with its published key set, signing the JWS input as RAW ECDSA_SHA_256', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fakeKms(privateKey, publicKey);
    const signer = new KmsSigner(client, keyArn);

    const tokens = [
      await signer.sign(certificate),
      await signer.sign({ ...certificate, number: 'OGDL-2026-000002' }),
    ];
    const jwks = await signer.publicJwks();

    expect(jwks.keys[0]!.kid).toBe(await calculateJwkThumbprint(await exportJWK(publicKey)));
    expect(await verifyCertificateJws(tokens[0]!, jwks)).toEqual({ valid: true, claims: certificate });
    expect((await verifyCertificateJws(tokens[1]!, jwks)).valid).toBe(true);
    const [first] = kms.commandCalls(SignCommand);
    expect(first!.args[0].input).toEqual({
      KeyId: keyArn,
      Message: Buffer.from(tokens[0]!.split('.').slice(0, 2).join('.')),
      MessageType: 'RAW',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    // The public key is fetched once, not per signature.
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);
    // And a verifier that knows nothing of this code agrees.
    const key = await importJWK(jwks.keys[0]!, 'ES256');
    await expect(compactVerify(tokens[0]!, key)).resolves.toBeDefined();
  });

  it('sends the SHA-256 digest instead of the message when the record is beyond KMS’s 4096-byte RAW limit', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fakeKms(privateKey, publicKey);
    const signer = new KmsSigner(client, keyArn);

    const token = await signer.sign({ ...certificate, conditions: '使用條款'.repeat(400) });

    const input = kms.commandCalls(SignCommand)[0]!.args[0].input;
    const signingInput = token.split('.').slice(0, 2).join('.');
    expect(input.MessageType).toBe('DIGEST');
    expect(Buffer.from(input.Message!)).toEqual(createHash('sha256').update(signingInput).digest());
  });

  it('turns a KMS fault into ServiceUnavailableError and tries the public key again on the next call', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fakeKms(privateKey, publicKey);
    kms
      .on(GetPublicKeyCommand)
      .rejectsOnce(new KMSInternalException({ message: 'internal', $metadata: {} }))
      .resolves({
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        PublicKey: publicKey.export({ format: 'der', type: 'spki' }),
      });
    const signer = new KmsSigner(client, keyArn);

    await expect(signer.sign(certificate)).rejects.toBeInstanceOf(ServiceUnavailableError);
    const token = await signer.sign(certificate);

    expect((await verifyCertificateJws(token, await signer.publicJwks())).valid).toBe(true);
  });
});
