import { mockClient } from 'aws-sdk-client-mock';
import {
  InvokeCommand,
  LambdaClient,
  type InvokeCommandOutput,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { ThreadPoolCertificateRenderer } from '#ports/certificate-renderer-local';
import { LambdaCertificateRenderer } from '#ports/certificate-renderer-lambda';
import { handler as renderFunction } from '#tasks/render-certificate';
import { PAID, certificateView } from '../../unit/pdf/fixtures.ts';

const client = new LambdaClient({
  region: 'ap-northeast-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const lambda = mockClient(client);
const FUNCTION = 'ogdl-render-certificate';

/** Lambda's answer to a RequestResponse invoke, as the SDK hands it back. */
const answer = (payload: unknown, functionError?: string) => ({
  StatusCode: 200,
  // The SDK wraps the bytes in a blob adapter; the renderer reads them as bytes only.
  Payload: Buffer.from(JSON.stringify(payload), 'utf8') as unknown as InvokeCommandOutput['Payload'],
  ...(functionError ? { FunctionError: functionError } : {}),
});

describe('LambdaCertificateRenderer with the render function behind it', () => {
  it('invokes the function synchronously with the view and gets the same PDF bytes as rendering in-process', async () => {
    // Prepare: Lambda stands in by running the render function's handler on the event it receives.
    lambda.reset();
    lambda
      .on(InvokeCommand)
      .callsFake(async (input: { Payload: Uint8Array }) =>
        answer(await renderFunction(JSON.parse(Buffer.from(input.Payload).toString('utf8')))),
      );
    const view = certificateView({ paid: PAID });

    // Act
    const pdf = await new LambdaCertificateRenderer(FUNCTION, client).render(view);

    // Assess
    const [call] = lambda.commandCalls(InvokeCommand);
    expect(call!.args[0].input).toMatchObject({ FunctionName: FUNCTION, InvocationType: 'RequestResponse' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.equals(await new ThreadPoolCertificateRenderer().render(view))).toBe(true);
  });

  it('reports a view that cannot be a certificate as the refusal it is, not as a busy service', async () => {
    lambda.reset();
    lambda
      .on(InvokeCommand)
      .callsFake(async (input: { Payload: Uint8Array }) =>
        answer(await renderFunction(JSON.parse(Buffer.from(input.Payload).toString('utf8')))),
      );
    const incomplete = certificateView({ attribution: { zh: ['只有一部分'], en: ['Only one part'] } });

    const rendering = new LambdaCertificateRenderer(FUNCTION, client).render(incomplete);

    await expect(rendering).rejects.toThrow(/cannot be rendered: .*three parts/);
    await expect(rendering).rejects.not.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('LambdaCertificateRenderer when Lambda fails', () => {
  it('turns a failed render function (crash, timeout, out of memory) into ServiceUnavailableError', async () => {
    lambda.reset();
    lambda
      .on(InvokeCommand)
      .resolves(answer({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out' }, 'Unhandled'));

    await expect(
      new LambdaCertificateRenderer(FUNCTION, client).render(certificateView()),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('turns throttling into ServiceUnavailableError and lets a deployment mistake surface as itself', async () => {
    lambda.reset();
    lambda
      .on(InvokeCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }))
      .rejectsOnce(new ResourceNotFoundException({ message: 'Function not found', $metadata: {} }));
    const renderer = new LambdaCertificateRenderer(FUNCTION, client);

    await expect(renderer.render(certificateView())).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(renderer.render(certificateView())).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
