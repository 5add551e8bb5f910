/**
 * Certificate signing on AWS with a KMS asymmetric key (key spec ECC_NIST_P256, usage
 * SIGN_VERIFY): the private key never leaves KMS. KMS returns ECDSA signatures in DER, which JOSE
 * does not use, so each is converted to the 64-byte `r ‖ s` form (`derToJose`). The public key is
 * fetched once per container and published as a JWK with its RFC 7638 thumbprint as `kid`.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import type { KMSClient, MessageType } from '@aws-sdk/client-kms';
import type { JWK } from 'jose';
import { rethrowAsUnavailable } from './aws-faults.ts';
import { certificateHeader, derToJose, keyId, signingInput } from './jws.ts';
import type { Signer } from './signer.ts';

/** KMS answers these when it, or the HSM cluster behind a custom key store, is struggling. */
const KMS_FAULTS = ['KMSInternalException', 'DependencyTimeoutException', 'KeyUnavailableException'];
/** KMS signs a RAW message of at most 4096 bytes; beyond that it wants the SHA-256 digest. */
const MAX_RAW_MESSAGE = 4096;

interface PublicKey {
  jwk: JWK;
  kid: string;
}

export class KmsSigner implements Signer {
  private publicKey: Promise<PublicKey> | undefined;

  /** `keyId`: a key id, key ARN, alias name or alias ARN. */
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async sign(claims: Record<string, unknown>): Promise<string> {
    const { kid } = await this.fetchPublicKey();
    const input = signingInput(certificateHeader(kid), claims);
    const message = Buffer.from(input, 'utf8');
    // ECDSA_SHA_256 over RAW hashes the message inside KMS; DIGEST with our own SHA-256 gives
    // the same signature, needed only for records too large to send whole.
    const [messageType, payload]: [MessageType, Uint8Array] =
      message.length <= MAX_RAW_MESSAGE
        ? ['RAW', message]
        : ['DIGEST', createHash('sha256').update(message).digest()];
    let der: Uint8Array | undefined;
    try {
      ({ Signature: der } = await this.client.send(
        new SignCommand({
          KeyId: this.keyId,
          Message: payload,
          MessageType: messageType,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ));
    } catch (error) {
      rethrowAsUnavailable(error, 'Certificate signing', KMS_FAULTS);
    }
    if (!der) throw new Error(`KMS returned no signature for key ${this.keyId}.`);
    return `${input}.${derToJose(der, 32).toString('base64url')}`;
  }

  async publicJwks(): Promise<{ keys: JWK[] }> {
    const { jwk, kid } = await this.fetchPublicKey();
    return { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] };
  }

  /** Cached for the life of the container; a failed fetch is forgotten so the next call retries. */
  private fetchPublicKey(): Promise<PublicKey> {
    this.publicKey ??= this.loadPublicKey().catch((error: unknown) => {
      this.publicKey = undefined;
      throw error;
    });
    return this.publicKey;
  }

  private async loadPublicKey(): Promise<PublicKey> {
    let answer;
    try {
      answer = await this.client.send(new GetPublicKeyCommand({ KeyId: this.keyId }));
    } catch (error) {
      rethrowAsUnavailable(error, 'Certificate signing', KMS_FAULTS);
    }
    // A wrong key spec is a deployment mistake; say so instead of producing unverifiable tokens.
    if (answer.KeySpec !== 'ECC_NIST_P256' || answer.KeyUsage !== 'SIGN_VERIFY' || !answer.PublicKey) {
      throw new Error(
        `KMS key ${this.keyId} is ${answer.KeySpec}/${answer.KeyUsage}; ES256 needs ECC_NIST_P256/SIGN_VERIFY.`,
      );
    }
    // node:crypto reads KMS's DER SubjectPublicKeyInfo and writes the JWK itself (no jose here).
    const { kty, crv, x, y } = createPublicKey({
      key: Buffer.from(answer.PublicKey),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' });
    const jwk: JWK = { kty, crv, x, y };
    return { jwk, kid: keyId(jwk) };
  }
}
