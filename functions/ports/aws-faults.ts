/**
 * The one place AWS SDK errors are classified. Which errors mean "the dependency is busy or down,
 * retry later" (503 to a client, a retry to a workflow) as opposed to a mistake in the request or
 * the deployment, which must surface as the bug it is; and which service error an error is.
 * Errors are told apart by what the SDK puts on them (`$fault`, `$retryable`, `$metadata`, `name`),
 * never by class identity: `instanceof` fails when a bundle holds a second copy of a client's
 * classes or a minifier renames them. The SDK has already retried throttles by the time we see one.
 */
import { ServiceUnavailableError } from '#domain/errors';

interface SdkErrorShape {
  name?: string;
  $fault?: 'client' | 'server';
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number };
}

const shape = (error: unknown): SdkErrorShape | undefined =>
  typeof error === 'object' && error !== null ? (error as SdkErrorShape) : undefined;

/** Whether `error` is the AWS service error called `name` (ConditionalCheckFailedException, …). */
export function isAwsError(error: unknown, name: string): boolean {
  return shape(error)?.name === name;
}

/**
 * Whether the dependency is at fault: a server fault, a throttle, an HTTP 5xx (an error the SDK
 * does not model is marked a client fault even when the service answered 5xx), or one of the
 * service's own names for "busy" (`faultNames`).
 */
export function isDependencyFault(error: unknown, faultNames: readonly string[] = []): boolean {
  const e = shape(error);
  if (!e) return false;
  return (
    e.$fault === 'server' ||
    e.$retryable?.throttling === true ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500 ||
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
