import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { startSignIn } from '#ports/sign-in-provider';

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('the sign-in provider port', () => {
  const saved = { issuer: process.env.OIDC_ISSUER, client: process.env.OIDC_CLIENT_ID };
  afterEach(() => {
    process.env.OIDC_ISSUER = saved.issuer;
    process.env.OIDC_CLIENT_ID = saved.client;
  });

  it('answers 503 SIGN_IN_UNAVAILABLE, with the cause kept, when the provider cannot be reached', async () => {
    process.env.OIDC_ISSUER = `http://127.0.0.1:${await closedPort()}/oidc`;
    process.env.OIDC_CLIENT_ID = 'workspace';
    const failure = await startSignIn('http://127.0.0.1:3000', '/agency').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect(failure).toMatchObject({ statusCode: 503, code: 'SIGN_IN_UNAVAILABLE' });
    expect((failure as Error).cause).toBeDefined();
  });
});
