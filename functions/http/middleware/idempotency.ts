/**
 * Honours the Idempotency-Key header on POST: the first request with a key runs and its
 * response is stored; a repeat with the same key and body gets that response again (with
 * `idempotency-replayed: true`); the same key with another body is refused (422); a repeat
 * while the first still runs gets 409, until the first request's lock expires (its Lambda timed out
 * or crashed): then the repeat takes the claim over and runs. Keys are scoped to the route and the caller.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import { ConflictError, RuleViolationError, ValidationError } from '#domain/errors';
import { DEFAULT_LOCK_MS, idempotencyStore, type HeldClaim } from '#ports/idempotency-store';
import { currentClock } from '#ports/clock';
import type { HttpEvent, HttpResponse } from '../types.ts';
import { principalOf } from './principal.ts';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

interface Claim extends HeldClaim {
  scope: string;
  key: string;
  requestHash: string;
  startedAt: string;
}
const claims = new WeakMap<object, Claim>();

export const idempotency = (): MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    const event = request.event;
    const key = event.headers['idempotency-key'];
    if (event.requestContext.http.method !== 'POST' || key === undefined) return;
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationError('The Idempotency-Key header is not valid.', [
        {
          path: 'headers.idempotency-key',
          message: 'Use 8 to 128 letters, digits or _ . : - (a UUID is ideal).',
        },
      ]);
    }
    const scope = `${event.routeKey}#${principalOf(event)?.sub ?? 'public'}`;
    const requestHash = createHash('sha256')
      .update(event.rawPath)
      .update('\0')
      .update(event.body ?? '')
      .digest('base64url');
    const now = currentClock().now();
    // The key stays locked while this invocation may still run; after that it may be taken over.
    const lockMs = request.context?.getRemainingTimeInMillis?.() ?? DEFAULT_LOCK_MS;
    const claimed = await idempotencyStore.claim(scope, key, requestHash, now, lockMs);
    if ('held' in claimed) {
      claims.set(request, { ...claimed.held, scope, key, requestHash, startedAt: now.toISOString() });
      return;
    }
    const existing = claimed.existing;
    if (existing.requestHash !== requestHash) {
      throw new RuleViolationError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      );
    }
    if (existing.state === 'IN_PROGRESS') {
      throw new ConflictError(
        'REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed.',
      );
    }
    return {
      ...existing.response,
      headers: { ...existing.response.headers, 'idempotency-replayed': 'true' },
    } satisfies HttpResponse;
  },
  after: async (request) => {
    const claim = claims.get(request);
    const response = request.response;
    if (!claim || !response) return;
    if (response.statusCode >= 400) {
      await idempotencyStore.release(claim.scope, claim.key, claim);
      return;
    }
    // A later request that took an expired claim over owns the key now; this response still stands.
    await idempotencyStore.complete(
      claim.scope,
      claim.key,
      claim,
      {
        statusCode: response.statusCode,
        headers: response.headers,
        body: typeof response.body === 'string' ? response.body : '',
        isBase64Encoded: response.isBase64Encoded,
      },
      currentClock().now(),
    );
  },
  onError: async (request) => {
    const claim = claims.get(request);
    if (claim) await idempotencyStore.release(claim.scope, claim.key, claim);
  },
});
