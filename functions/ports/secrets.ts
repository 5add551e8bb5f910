/**
 * Single-use secrets for links in mails: at least 128 random bits, given out once, and only
 * their SHA-256 stored, so a leaked table cannot be turned into working links.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(24).toString('base64url'); // 192 bits
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Secrets are base64url of 24 bytes; anything else is refused before any lookup. */
export function looksLikeSecret(value: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(value);
}
