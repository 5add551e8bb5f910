/**
 * The signer port: certificates carry an ES256 compact JWS over the certificate record, and the
 * matching public keys are published at `/.well-known/jwks.json`, so anyone can check a
 * certificate without an account. AWS signs with a KMS asymmetric key (`signer-kms.ts`), whose
 * private half never leaves KMS; the local runtime with a key generated on first start
 * (`signer-local.ts`). Tokens from either verify with `verifyCertificateJws` in `jws.ts`.
 */
import type { JWK } from 'jose';

export interface Signer {
  /** A compact JWS, protected header `{ alg: 'ES256', kid, typ: CERTIFICATE_JWS_TYPE }`. */
  sign(claims: Record<string, unknown>): Promise<string>;
  /** The public keys that verify what this signer signs, each with its `kid`. */
  publicJwks(): Promise<{ keys: JWK[] }>;
}
