/**
 * KMS for the bundles: one ECC_NIST_P256 signing key (kept in the data folder, so a restarted
 * runtime still verifies what it signed), answering GetPublicKey and Sign (ECDSA_SHA_256 over a
 * RAW message or a SHA-256 DIGEST, DER signature) as KMS does.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bodyJson, json } from './protocol.ts';
import type { StandInService } from './protocol.ts';

function loadKey(file: string): KeyObject {
  if (existsSync(file)) return createPrivateKey(readFileSync(file));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };
const kmsError = (status: number, code: string, message: string) =>
  json(status, { __type: code, message }, JSON_11);

export function kmsStandIn(keyFile: string): StandInService {
  const key = loadKey(keyFile);
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return {
    name: 'kms',
    match: ({ headers }) => /^TrentService\.(Sign|GetPublicKey)$/.exec(String(headers['x-amz-target']))?.[1],
    async run(request, operation) {
      const input = bodyJson<{ KeyId: string; Message?: string; MessageType?: string }>(request);
      if (operation === 'GetPublicKey') {
        return json(
          200,
          {
            KeyId: input.KeyId,
            KeySpec: 'ECC_NIST_P256',
            KeyUsage: 'SIGN_VERIFY',
            PublicKey: publicDer.toString('base64'),
            SigningAlgorithms: ['ECDSA_SHA_256'],
          },
          JSON_11,
        );
      }
      const message = Buffer.from(input.Message ?? '', 'base64');
      if (input.MessageType === 'DIGEST' && message.length !== 32)
        return kmsError(400, 'ValidationException', 'A DIGEST for ECDSA_SHA_256 is 32 bytes.');
      if (input.MessageType !== 'RAW' && input.MessageType !== 'DIGEST')
        return kmsError(400, 'ValidationException', `Unknown MessageType '${input.MessageType}'.`);
      const signature = input.MessageType === 'RAW' ? sign('sha256', message, key) : signDigest(message, key);
      return json(
        200,
        { KeyId: input.KeyId, Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' },
        JSON_11,
      );
    },
    error: kmsError,
  };
}

// P-256 (secp256r1) domain parameters, for signing a digest someone else computed: Node's crypto
// signs messages (hashing them itself) and has no prehashed ECDSA, which KMS's DIGEST mode is.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const A = P - 3n;
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Point = [bigint, bigint] | null;

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p: Point, q: Point): Point {
  if (p === null) return q;
  if (q === null) return p;
  const [x1, y1] = p;
  const [x2, y2] = q;
  if (x1 === x2 && mod(y1 + y2, P) === 0n) return null;
  const l =
    x1 === x2 ? mod((3n * x1 * x1 + A) * inverse(2n * y1, P), P) : mod((y2 - y1) * inverse(x2 - x1, P), P);
  const x3 = mod(l * l - x1 - x2, P);
  return [x3, mod(l * (x1 - x3) - y1, P)];
}
function multiply(k: bigint, point: Point): Point {
  let result: Point = null;
  for (let addend = point; k > 0n; k >>= 1n, addend = add(addend, addend))
    if (k & 1n) result = add(result, addend);
  return result;
}
const toBig = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex') || '0'}`);
function derInteger(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

/** ECDSA over a 32-byte digest with the key, as a DER signature (what KMS answers). */
function signDigest(digest: Buffer, key: KeyObject): Buffer {
  const d = toBig(Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url'));
  const z = toBig(digest);
  for (;;) {
    const k = mod(toBig(randomBytes(32)), N);
    if (k === 0n) continue;
    const r = mod(multiply(k, G)![0], N);
    const s = mod(inverse(k, N) * (z + r * d), N);
    if (r === 0n || s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  }
}
