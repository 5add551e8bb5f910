import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { verifiedClaims } from '#ports/bearer-tokens';

const ISSUER = 'https://issuer.example';
const AUDIENCE = 'the-app-client';
let privateKey: CryptoKey;
let jwks: string;

const token = (claims: { iss?: string; aud?: string; exp?: string } = {}, key = privateKey) =>
  new SignJWT({ sub: 'someone', 'cognito:groups': ['agency'] })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '1h')
    .sign(key);

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
});

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['TOKEN_ISSUER', 'TOKEN_AUDIENCE', 'TOKEN_JWKS']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('a bearer token', () => {
  it('gives its claims when the issuer signed it for this audience, and nothing otherwise', async () => {
    Object.assign(process.env, { TOKEN_ISSUER: ISSUER, TOKEN_AUDIENCE: AUDIENCE, TOKEN_JWKS: jwks });
    expect(await verifiedClaims(await token())).toMatchObject({ sub: 'someone', iss: ISSUER, aud: AUDIENCE });
    expect(await verifiedClaims(await token({ aud: 'another-client' }))).toBeUndefined();
    expect(await verifiedClaims(await token({ iss: 'https://elsewhere.example' }))).toBeUndefined();
    expect(await verifiedClaims(await token({ exp: '-1m' }))).toBeUndefined();
    const stranger = (await generateKeyPair('ES256')).privateKey;
    expect(await verifiedClaims(await token({}, stranger))).toBeUndefined();
    expect(await verifiedClaims('not.a.token')).toBeUndefined();
  });

  it('is verified against the keys the issuer publishes at /.well-known/jwks.json', async () => {
    const server = createServer((req, res) => {
      if (req.url !== '/pool/.well-known/jwks.json') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
      Object.assign(process.env, { TOKEN_ISSUER: issuer, TOKEN_AUDIENCE: AUDIENCE });
      delete process.env.TOKEN_JWKS;
      expect(await verifiedClaims(await token({ iss: issuer }))).toMatchObject({ sub: 'someone' });
    } finally {
      server.close();
    }
  });

  it('is answered 503, not 401, when the issuer’s keys cannot be fetched', async () => {
    const server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const down = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
    Object.assign(process.env, { TOKEN_ISSUER: down, TOKEN_AUDIENCE: AUDIENCE });
    delete process.env.TOKEN_JWKS;
    try {
      await expect(verifiedClaims(await token({ iss: down }))).rejects.toBeInstanceOf(
        ServiceUnavailableError,
      );
    } finally {
      server.close();
    }
    // Nobody listens there any more: fetch itself fails.
    process.env.TOKEN_ISSUER = `${down}/gone`;
    await expect(verifiedClaims(await token({ iss: `${down}/gone` }))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });
});
