/**
 * KMS for the bundles: one ECC_NIST_P256 signing key (kept in the data folder, so a restarted
 * runtime still verifies what it signed), answering GetPublicKey and Sign (ECDSA_SHA_256 over a
 * RAW message, DER signature) as KMS does.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
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
      if (input.MessageType !== 'RAW')
        return kmsError(400, 'ValidationException', 'This stand-in signs RAW messages only.');
      const signature = sign('sha256', Buffer.from(input.Message ?? '', 'base64'), key);
      return json(
        200,
        { KeyId: input.KeyId, Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' },
        JSON_11,
      );
    },
    error: kmsError,
  };
}
