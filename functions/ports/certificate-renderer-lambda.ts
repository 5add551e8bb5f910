/**
 * Certificates (and decision-record revisions) rendered on AWS by the render function
 * (functions/tasks/render-certificate.ts), invoked synchronously: the view goes out as the event,
 * the PDF comes back in base64 in the answer. A one-page certificate is about 80 KB, a decision
 * record a few hundred, far below the 6 MB a synchronous answer may carry.
 * Throttling, a Lambda service fault, or the render function failing (a crash, a timeout, out of
 * memory) is a 503 to the client: the license stays ISSUING with its number fixed, and a retry
 * issues the very same certificate.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ServiceUnavailableError } from '#domain/errors';
import type { CertificateView } from '#templates/pdf/certificate';
import type { DecisionRecordView } from '#templates/pdf/decision-record';
import { rethrowAsUnavailable } from './aws-faults.ts';
import { traced } from './tracing.ts';
import type { CertificateRenderer, DecisionRecordEvent } from './certificate-renderer.ts';

/** Created once per container and shared; tests inject their own. */
const defaultClient = traced(new LambdaClient({ maxAttempts: 4 }));

/** Lambda answers these when the function cannot run now (concurrency, capacity, a cold ENI). */
const LAMBDA_FAULTS = [
  'TooManyRequestsException',
  'ResourceNotReadyException',
  'ResourceConflictException',
  'EC2ThrottledException',
  'SnapStartNotReadyException',
];

const WHAT = 'Certificate rendering';

export class LambdaCertificateRenderer implements CertificateRenderer {
  constructor(
    /** Name or ARN of the render function. */
    private readonly functionName: string,
    private readonly client: LambdaClient = defaultClient,
  ) {}

  render(view: CertificateView): Promise<Buffer> {
    return this.invoke(view, WHAT, `Certificate ${view.number}`);
  }

  renderDecisionRecord(view: DecisionRecordView): Promise<Buffer> {
    const event: DecisionRecordEvent = { document: 'DECISION_RECORD', view };
    return this.invoke(
      event,
      'Decision record rendering',
      `The decision record of ${view.proposal.id} v${view.proposal.version}`,
    );
  }

  /** `service` names the rendering in a 503; `what` the document in a refusal. */
  private async invoke(event: unknown, service: string, what: string): Promise<Buffer> {
    let result;
    try {
      result = await this.client.send(
        new InvokeCommand({
          FunctionName: this.functionName,
          InvocationType: 'RequestResponse',
          Payload: Buffer.from(JSON.stringify(event), 'utf8'),
        }),
      );
    } catch (error) {
      rethrowAsUnavailable(error, service, LAMBDA_FAULTS);
    }
    const payload = Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8');
    if (result.FunctionError) {
      const unavailable = new ServiceUnavailableError(`${service} is unavailable; retry shortly.`);
      unavailable.cause = new Error(`${this.functionName} failed (${result.FunctionError}): ${payload}`);
      throw unavailable;
    }
    // Checked rather than trusted: a function answering something else is a deployment mistake.
    const answer = JSON.parse(payload) as { [K in 'pdf' | 'refused']?: unknown };
    if (typeof answer.refused === 'string') throw new Error(`${what} cannot be rendered: ${answer.refused}`);
    if (typeof answer.pdf !== 'string') throw new Error(`${this.functionName} answered without a PDF.`);
    return Buffer.from(answer.pdf, 'base64');
  }
}
