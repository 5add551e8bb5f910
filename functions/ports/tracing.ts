/**
 * X-Ray subsegments for every AWS SDK call: each client the ports create is wrapped by Powertools
 * Tracer, so a trace shows the DynamoDB, S3, KMS, SES, Step Functions, Scheduler and Lambda calls
 * of a request with their latency and errors. Outside Lambda (the local runtime, tests) the tracer
 * is disabled and the client is returned unchanged.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from './log.ts';

let tracer: Tracer | undefined;

export function traced<T>(client: T): T {
  tracer ??= new Tracer({ serviceName: serviceName() });
  return tracer.captureAWSv3Client(client);
}
