/**
 * The certificate JWS format, shared by both signers and the verifier: ES256 over
 * `base64url(header).base64url(JSON claims)`, with an explicit `typ` so that a certificate cannot
 * pass for any other JWT signed somewhere else, nor the other way round (RFC 8725 §3.11).
 */
import { createHash } from 'node:crypto';
import { compactVerify, createLocalJWKSet, errors } from 'jose';
import type { JWK } from 'jose';

export const CERTIFICATE_JWS_TYPE = 'ogdl-certificate+jwt';
/** Far above any certificate record; refuses absurd input before any parsing. */
const MAX_JWS_LENGTH = 64 * 1024;

// A type alias, not an interface: jose's header parameter type has an index signature.
export type CertificateJwsHeader = {
  alg: 'ES256';
  kid: string;
  typ: typeof CERTIFICATE_JWS_TYPE;
};

export function certificateHeader(kid: string): CertificateJwsHeader {
  return { alg: 'ES256', kid, typ: CERTIFICATE_JWS_TYPE };
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** The JWS Signing Input (RFC 7515 §5.1): what ECDSA signs. */
export function signingInput(header: CertificateJwsHeader, claims: Record<string, unknown>): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
}

/**
 * The key id every signer uses: the RFC 7638 SHA-256 thumbprint of the public key. Written out
 * rather than taken from jose, whose thumbprint code brings its key import and ASN.1 parsing
 * (≈ 8 KB) into every bundle that issues a certificate; for an EC key the thumbprint is the hash of
 * its required members in lexicographic order, as JSON without whitespace (RFC 7638 §3.2).
 */
export function keyId(publicJwk: JWK): string {
  const { kty, crv, x, y } = publicJwk;
  if (kty !== 'EC' || !crv || !x || !y) throw new Error(`A certificate key is an EC key, not ${kty}.`);
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}

/**
 * Converts an ECDSA signature from ASN.1 DER (`SEQUENCE { INTEGER r, INTEGER s }`, what KMS and
 * OpenSSL produce) into JOSE's fixed-width `r ‖ s` (RFC 7518 §3.4). DER integers are signed and
 * minimal: a value with its top bit set gets a 0x00 in front (33 bytes for P-256), and a value with
 * leading zero bytes loses them (31 bytes or fewer, about 1 signature in 128). JOSE wants each
 * exactly `size` bytes, left-padded with zeros. Only strict DER is accepted: anything else means
 * the signature is not what we think it is.
 */
export function derToJose(der: Uint8Array, size = 32): Buffer {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`Invalid DER ECDSA signature: ${why}.`);
  };
  const byte = (): number => der[pos++] ?? fail('truncated');

  const readLength = (): number => {
    const first = byte();
    if (first < 0x80) return first;
    const count = first & 0x7f;
    // Long form is only legal for lengths ≥ 128 (P-521 signatures); two bytes is plenty.
    if (count === 0 || count > 2) fail('unsupported length encoding');
    let length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | byte();
    if (length < 0x80 || (count === 2 && length < 0x100)) fail('non-minimal length');
    return length;
  };

  const readInteger = (): Uint8Array => {
    if (byte() !== 0x02) fail('expected an INTEGER');
    const length = readLength();
    if (length === 0) fail('empty INTEGER');
    if (pos + length > der.length) fail('truncated');
    const bytes = der.subarray(pos, pos + length);
    pos += length;
    const [first = 0, second = 0] = bytes;
    if (first & 0x80) fail('negative INTEGER');
    if (first === 0 && length > 1 && !(second & 0x80)) fail('non-minimal INTEGER');
    const value = first === 0 ? bytes.subarray(1) : bytes;
    if (value.length === 0) fail('zero INTEGER');
    if (value.length > size) fail(`INTEGER longer than ${size} bytes`);
    return value;
  };

  if (byte() !== 0x30) fail('expected a SEQUENCE');
  const sequenceLength = readLength();
  if (sequenceLength !== der.length - pos) fail('SEQUENCE length does not match');
  const r = readInteger();
  const s = readInteger();
  if (pos !== der.length) fail('trailing bytes');

  const jose = Buffer.alloc(2 * size);
  jose.set(r, size - r.length);
  jose.set(s, 2 * size - s.length);
  return jose;
}

export interface CertificateJwsVerification {
  valid: boolean;
  claims?: Record<string, unknown>;
  reason?: string;
}

/**
 * Checks a certificate JWS against a published key set. Meant for untrusted input (a QR code, a
 * pasted string): every failure, however malformed the token or the key set, is an answer with a
 * reason, never an exception.
 */
export async function verifyCertificateJws(
  jws: string,
  jwks: { keys: JWK[] },
): Promise<CertificateJwsVerification> {
  if (typeof jws !== 'string' || jws.length === 0 || jws.length > MAX_JWS_LENGTH) {
    return { valid: false, reason: 'The token is empty or too long.' };
  }
  const token = jws.trim();
  if (!isCanonicalCompact(token)) {
    return { valid: false, reason: 'The token is not a well-formed JWS.' };
  }
  try {
    const keySet = createLocalJWKSet(jwks);
    const { payload, protectedHeader } = await compactVerify(token, keySet, { algorithms: ['ES256'] });
    if (protectedHeader.typ !== CERTIFICATE_JWS_TYPE) {
      return {
        valid: false,
        reason: `The token is not a certificate (typ '${String(protectedHeader.typ)}').`,
      };
    }
    let claims: unknown;
    try {
      claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    } catch {
      return { valid: false, reason: 'The payload is not JSON.' };
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      return { valid: false, reason: 'The payload is not a JSON object.' };
    }
    return { valid: true, claims: claims as Record<string, unknown> };
  } catch (error) {
    return { valid: false, reason: reasonFor(error) };
  }
}

/**
 * Three base64url parts, each exactly as its bytes encode. Decoders ignore the unused low bits of
 * a part's last character, so without this check a token changed in that character would still
 * verify: one signed record would have several accepted spellings.
 */
function isCanonicalCompact(token: string): boolean {
  const parts = token.split('.');
  return (
    parts.length === 3 &&
    parts.every(
      (part) =>
        /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part,
    )
  );
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The signature does not match the content.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'No published key matches the token.';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'The token names no single published key.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with ES256.';
  if (error instanceof errors.JWSInvalid) return 'The token is not a well-formed JWS.';
  if (error instanceof errors.JWKSInvalid) return 'The key set is not a valid JWKS.';
  return 'The token cannot be verified.';
}
