/**
 * Which AWS SDK errors mean "the dependency is busy or down, retry later" (503 to a client, a
 * retry to a workflow) as opposed to a mistake in the request or the deployment, which must
 * surface as the bug it is. The SDK has already retried throttles by the time we see one.
 */
import { ServiceUnavailableError } from '#domain/errors';

interface SdkErrorShape {
  name?: string;
  $fault?: 'client' | 'server';
  $retryable?: { throttling?: boolean };
}

export function isDependencyFault(error: unknown, faultNames: readonly string[] = []): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  return (
    e.$fault === 'server' ||
    e.$retryable?.throttling === true ||
    e.name === 'ThrottlingException' ||
    (e.name !== undefined && faultNames.includes(e.name))
  );
}

/** Rethrows a dependency fault as ServiceUnavailableError (keeping the original as `cause`). */
export function rethrowAsUnavailable(
  error: unknown,
  what: string,
  faultNames: readonly string[] = [],
): never {
  if (isDependencyFault(error, faultNames)) {
    const unavailable = new ServiceUnavailableError(`${what} is unavailable; retry shortly.`);
    unavailable.cause = error;
    throw unavailable;
  }
  throw error;
}
