/**
 * Certificate signing on one machine: a P-256 key pair generated with jose on first use and kept
 * under `<dir>/keys/`, the private JWK readable by the owner only (0600). The key survives
 * restarts, so certificates issued yesterday still verify today. Only for the local runtime: on
 * AWS the private key lives in KMS.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CompactSign, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { createFileExclusive, isErrno, writeFileAtomic } from './atomic-file.ts';
import { certificateHeader, keyId } from './jws.ts';
import type { Signer } from './signer.ts';

interface LoadedKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

const PRIVATE_FILE = 'certificate-signing.private.jwk.json';
const PUBLIC_FILE = 'certificate-signing.public.jwk.json';

export class LocalKeySigner implements Signer {
  private readonly keysDir: string;
  private loaded: Promise<LoadedKey> | undefined;

  constructor(dir: string) {
    this.keysDir = join(dir, 'keys');
  }

  async sign(claims: Record<string, unknown>): Promise<string> {
    const { privateKey, kid } = await this.key();
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader(certificateHeader(kid))
      .sign(privateKey);
  }

  async publicJwks(): Promise<{ keys: JWK[] }> {
    const { publicJwk, kid } = await this.key();
    return { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  }

  /** Loaded once per instance; a failed load is not cached, so the next call tries again. */
  private key(): Promise<LoadedKey> {
    this.loaded ??= this.loadOrCreate().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async loadOrCreate(): Promise<LoadedKey> {
    const privatePath = join(this.keysDir, PRIVATE_FILE);
    let privateJwk = await readJwk(privatePath);
    if (!privateJwk) {
      await mkdir(this.keysDir, { recursive: true, mode: 0o700 });
      const pair = await generateKeyPair('ES256', { extractable: true });
      const candidate = await exportJWK(pair.privateKey);
      // Two processes starting on a fresh folder at once must end up with one key: the first
      // to create the file wins and the other reads the winner's key.
      const created = await createFileExclusive(privatePath, `${JSON.stringify(candidate)}\n`, 0o600);
      privateJwk = created ? candidate : await readJwk(privatePath);
      if (!privateJwk)
        throw new Error(`The signing key at ${privatePath} vanished while it was being created.`);
    }
    if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || !privateJwk.d) {
      throw new Error(`${privatePath} does not hold a P-256 private key.`);
    }
    const { kty, crv, x, y } = privateJwk;
    const publicJwk: JWK = { kty, crv, x, y };
    const kid = keyId(publicJwk);
    // The public half is written for people and tools that want the key without the service
    // running; the service itself always derives it from the private key.
    await writeFileAtomic(
      join(this.keysDir, PUBLIC_FILE),
      `${JSON.stringify({ ...publicJwk, kid }, null, 2)}\n`,
    );
    const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
    return { privateKey, publicJwk, kid };
  }
}

async function readJwk(path: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}
