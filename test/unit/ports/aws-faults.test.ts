import { describe, expect, it } from 'vitest';
import {
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '#domain/errors';
import { isAwsError, isDependencyFault, rethrowAsUnavailable } from '#ports/aws-faults';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 1, totalRetryDelay: 0 });
/** An error with the SDK's fields but none of its classes (a minified bundle's class is no longer named so). */
const plainCopy = (error: Error) => Object.assign(new Error(error.message), { ...error, name: error.name });

describe('AWS fault classifier', () => {
  it('tells a service error by its name, also when it is no instance of the SDK class', () => {
    const failed = new ConditionalCheckFailedException({ message: 'failed', $metadata: metadata(400) });
    const copy = plainCopy(failed);
    expect(isAwsError(failed, 'ConditionalCheckFailedException')).toBe(true);
    expect(isAwsError(copy, 'ConditionalCheckFailedException')).toBe(true);
    expect(isAwsError(copy, 'ResourceNotFoundException')).toBe(false);
    expect(isAwsError(undefined, 'ConditionalCheckFailedException')).toBe(false);
  });

  it('finds the dependency at fault on a server fault, a throttle, a 5xx or a name the service gives', () => {
    const unmodelled5xx = new DynamoDBServiceException({
      name: 'UnknownError',
      $fault: 'client',
      $metadata: metadata(502),
    });
    expect(isDependencyFault(unmodelled5xx)).toBe(true);
    expect(isDependencyFault({ name: 'X', $fault: 'server' })).toBe(true);
    expect(isDependencyFault({ name: 'SlowDown', $retryable: { throttling: true } })).toBe(true);
    expect(isDependencyFault({ name: 'ThrottlingException' })).toBe(true);
    const throughput = new ProvisionedThroughputExceededException({
      message: 'busy',
      $metadata: metadata(400),
    });
    expect(isDependencyFault(throughput)).toBe(false);
    expect(isDependencyFault(throughput, ['ProvisionedThroughputExceededException'])).toBe(true);
  });

  it('leaves a mistake in the request or the deployment as the error it is', () => {
    const denied = { name: 'AccessDeniedException', $fault: 'client', $metadata: metadata(403) };
    expect(isDependencyFault(denied)).toBe(false);
    expect(() => rethrowAsUnavailable(denied, 'Signing')).toThrow(
      expect.objectContaining({ name: 'AccessDeniedException' }),
    );
    const busy = { name: 'X', $fault: 'server' };
    expect(() => rethrowAsUnavailable(busy, 'Signing')).toThrow(ServiceUnavailableError);
    expect(() => rethrowAsUnavailable(busy, 'Signing')).toThrow('Signing is unavailable; retry shortly.');
  });
});
