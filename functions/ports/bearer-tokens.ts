/**
 * Verifies a bearer token the way API Gateway's JWT authorizer did: signed by a key of the issuer,
 * with the issuer and audience this deployment expects and within its validity. It runs in the
 * function instead, so that a refused token answers the contract's 401 body; the HTTP API's own
 * authorizer can only answer `{"message":"Unauthorized"}`, and a Lambda authorizer costs an extra
 * invocation and cannot word its refusal either.
 *
 * TOKEN_ISSUER and TOKEN_AUDIENCE name the Cognito user pool and its app client on AWS (set by the
 * CDK on every function of a route that takes a token); the keys are fetched from the issuer's
 * `/.well-known/jwks.json` once per cold start and cached by jose. The local runtime sets
 * TOKEN_JWKS to its issuer's public keys, so nothing is fetched there.
 */
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload } from 'jose';
import { ServiceUnavailableError } from '#domain/errors';
import { optionalEnv, requireEnv } from './config.ts';

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
let keySet: { issuer: string; audience: string; jwks?: string; keys: KeySet } | undefined;

/**
 * Read when a token arrives rather than at load: a local runtime started again in the same process
 * (tests) hands over a new key in the environment.
 */
function verifier() {
  const issuer = requireEnv('TOKEN_ISSUER');
  const audience = requireEnv('TOKEN_AUDIENCE');
  const jwks = optionalEnv('TOKEN_JWKS');
  if (keySet?.issuer !== issuer || keySet.audience !== audience || keySet.jwks !== jwks) {
    const keys = jwks
      ? createLocalJWKSet(JSON.parse(jwks) as JSONWebKeySet)
      : createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    keySet = { issuer, audience, jwks, keys };
  }
  return keySet;
}

/**
 * jose's codes for a token at fault: malformed, badly signed, by an unknown key, expired, for
 * another issuer or audience. Any other jose failure (the key set unfetchable, invalid or late)
 * is the service's, answered 503. Codes, not classes: a minified bundle renames classes.
 */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_INVALID',
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

/** The token's claims, or undefined for a token that does not verify; 503 when the keys cannot be had. */
export async function verifiedClaims(token: string): Promise<JWTPayload | undefined> {
  const { issuer, audience, keys } = verifier();
  try {
    return (await jwtVerify(token, keys, { issuer, audience })).payload;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && TOKEN_FAULTS.has(code)) return undefined;
    // A jose failure of the key set, or fetch's own (the issuer unreachable, a TypeError).
    if (typeof code === 'string' || error instanceof TypeError)
      throw new ServiceUnavailableError('The sign-in keys could not be fetched; retry shortly.');
    throw error;
  }
}
