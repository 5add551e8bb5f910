// A certificate's PDF or its signed record (the JWS) changed in one byte is detected: a copy's
// SHA-256 no longer matches, a token no longer verifies, and a stored record whose token was
// altered is reported with an invalid signature.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyCertificateJws } from '#ports/jws';
import { licenseRepository } from '#ports/license-repository';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;
let number: string;
let pdf: Buffer;
let jws: string;
let token: string;
let jwks: { keys: any[] };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  w = await startWorld();
  number = await w.ownersCertificate('holder@example.tw');
  token = await w.certificateToken(number);
  const res = await fetch(`${w.runtime.url}/certificates/${number}?token=${token}`);
  pdf = Buffer.from(await res.arrayBuffer());
  jws = (await w.api.get(`/certificates/${number}/verify?token=${token}`)).body.jws as string;
  jwks = (await w.api.get('/.well-known/jwks.json')).body;
});
afterAll(() => w?.close());

/** The compact JWS with one byte of one decoded part (header, payload or signature) changed. */
function withByteChanged(token: string, part: number, at: number, xor: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[at % bytes.length]! ^= xor;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('tampering', () => {
  it('the issued PDF and its token check out as they are', async () => {
    const res = await w.api.get(`/certificates/${number}/verify?sha256=${sha256(pdf)}`);
    expect(res.body.sha256Matches).toBe(true);
    expect(res.body.signatureValid).toBe(true);
    expect((await verifyCertificateJws(jws, jwks)).valid).toBe(true);
  });

  it('a PDF changed in any one byte no longer matches the certificate', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: pdf.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        tried('tampering');
        const copy = Buffer.from(pdf);
        copy[at]! ^= xor;
        const res = await w.api.get(`/certificates/${number}/verify?sha256=${sha256(copy)}`);
        expect(res.status).toBe(200);
        expect(res.body.sha256Matches).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('a token changed in any one byte of its header, record or signature does not verify', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (part, at, xor) => {
          tried('tampering');
          const forged = withByteChanged(jws, part, at, xor);
          expect((await verifyCertificateJws(forged, jwks)).valid).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a token with any one character changed does not verify, the last of each part included', async () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const ends = jws
      .split('.')
      .reduce<number[]>((at, part) => [...at, (at.at(-1) ?? -2) + part.length + 1], []);
    const positions = fc.oneof(fc.nat({ max: jws.length - 1 }), fc.constantFrom(...ends));
    await fc.assert(
      fc.asyncProperty(positions, fc.integer({ min: 1, max: 63 }), async (at, shift) => {
        tried('tampering');
        const c = jws[at]!;
        const replacement = c === '.' ? 'A' : ALPHABET[(ALPHABET.indexOf(c) + shift) % 64]!;
        const forged = jws.slice(0, at) + replacement + jws.slice(at + 1);
        expect((await verifyCertificateJws(forged, jwks)).valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a stored certificate whose token was changed in one byte is reported with an invalid signature', async () => {
    const stored = (await licenseRepository.getCertificate(number))!;
    let revision = stored.revision;
    for (const part of [0, 1, 2]) {
      await attempt('tampering', async () => {
        const forged = withByteChanged(stored.value.jws, part, 7, 0x20);
        revision = await licenseRepository.replaceCertificate({ ...stored.value, jws: forged }, revision);
        const res = await w.api.get(`/certificates/${number}/verify`);
        expect(res.status).toBe(200);
        expect(res.body.signatureValid).toBe(false);
      });
    }
    // And a record changed under an intact token: the token no longer says what the record says.
    await attempt('tampering', async () => {
      const claims = {
        ...stored.value.claims,
        licensee: { ...stored.value.claims.licensee, name: '林小筆' },
      };
      revision = await licenseRepository.replaceCertificate({ ...stored.value, claims }, revision);
      const res = await w.api.get(`/certificates/${number}/verify`);
      expect(res.body.signatureValid).toBe(false);
    });
  });
});
