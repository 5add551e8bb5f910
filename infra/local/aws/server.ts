/**
 * The AWS services the deployed bundles call besides DynamoDB and Step Functions (which the local
 * runtime already serves), on one loopback port: S3, SES v2, KMS, Lambda Invoke and EventBridge
 * Scheduler. The bundles reach it through the SDK's standard `AWS_ENDPOINT_URL_<SERVICE>`
 * variables, so their AWS adapters run unchanged. A test may make any call fail as AWS would
 * (a throttle, a 5xx) to see what the bundles and the workflow do with it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandInRequest, StandInReply, StandInService } from './protocol.ts';

/** An AWS error to answer instead of the real reply. */
export interface AwsFault {
  status: number;
  code: string;
  message?: string;
}

/** Called for every request; an answer makes that call fail. */
export type AwsFaultInjector = (call: { service: string; operation: string }) => AwsFault | undefined;

export interface AwsStandIns {
  endpoint: string;
  /** Every call served, in order (service and operation, and the reply's note), for tests. */
  calls: { service: string; operation: string; failed: boolean; note?: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startAwsStandIns(
  services: readonly StandInService[],
  faults?: AwsFaultInjector,
): Promise<AwsStandIns> {
  const calls: AwsStandIns['calls'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const request: StandInRequest = {
        method: req.method ?? 'GET',
        segments: url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      void answer(request).then((reply) => {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body);
      });
    });
  });

  async function answer(request: StandInRequest): Promise<StandInReply> {
    for (const service of services) {
      const operation = service.match(request);
      if (operation === undefined) continue;
      const fault = faults?.({ service: service.name, operation });
      const call: AwsStandIns['calls'][number] = {
        service: service.name,
        operation,
        failed: fault !== undefined,
      };
      calls.push(call);
      if (fault) return service.error(fault.status, fault.code, fault.message ?? 'Injected fault.');
      try {
        const reply = await service.run(request, operation);
        if (reply.note) call.note = reply.note;
        return reply;
      } catch (error) {
        return service.error(500, 'InternalFailure', error instanceof Error ? error.message : String(error));
      }
    }
    return { status: 400, body: `No stand-in serves ${request.method} /${request.segments.join('/')}` };
  }

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
