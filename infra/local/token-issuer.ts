/**
 * The local stand-in for Cognito: an ES256 key kept in the data folder that mints tokens with
 * the claims Cognito puts in an ID token (`sub`, `cognito:groups`, `custom:agency_id`). The
 * handlers verify them as they verify Cognito's on AWS (functions/ports/bearer-tokens.ts), with
 * this issuer's public key handed over in the environment instead of fetched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

export const LOCAL_ISSUER = 'https://local.ogdl-fee-review.invalid/issuer';
export const LOCAL_AUDIENCE = 'ogdl-fee-review-local';

export interface TokenRequest {
  role: 'agency' | 'operator';
  agencyId?: string;
  sub?: string;
  /** Lifetime, e.g. '12h' (default) or '-1m' for an already expired token in tests. */
  expiresIn?: string;
  /** Further groups, as a misconfigured user pool could issue (tests of tokens in two groups). */
  alsoIn?: ('agency' | 'operator')[];
}

export class LocalTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly kid: string,
  ) {}

  /** Loads the key from `<dataDir>/keys/token-issuer.jwk.json`, creating it on first use. */
  static async open(dataDir: string): Promise<LocalTokenIssuer> {
    const file = join(dataDir, 'keys', 'token-issuer.jwk.json');
    if (!existsSync(file)) {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'ES256' };
      mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, JSON.stringify(jwk), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    }
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
    const { d: _d, ...publicJwk } = jwk;
    const privateKey = (await importJWK(jwk, 'ES256')) as CryptoKey;
    return new LocalTokenIssuer(privateKey, publicJwk, jwk.kid);
  }

  async mint(request: TokenRequest): Promise<string> {
    if (request.role === 'agency' && !request.agencyId)
      throw new Error('An agency token needs an agency id.');
    const claims: JWTPayload = {
      'cognito:groups': [request.role, ...(request.alsoIn ?? [])],
      token_use: 'id',
      ...(request.agencyId ? { 'custom:agency_id': request.agencyId } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setSubject(request.sub ?? `local-${request.role}-${request.agencyId ?? 'admin'}`)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '12h')
      .sign(this.privateKey);
  }

  /** What the handlers verify this issuer's tokens with (functions/ports/bearer-tokens.ts). */
  environment(): Record<'TOKEN_ISSUER' | 'TOKEN_AUDIENCE' | 'TOKEN_JWKS', string> {
    return {
      TOKEN_ISSUER: LOCAL_ISSUER,
      TOKEN_AUDIENCE: LOCAL_AUDIENCE,
      TOKEN_JWKS: JSON.stringify({ keys: [this.publicJwk] }),
    };
  }
}
