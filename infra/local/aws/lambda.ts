/**
 * Lambda Invoke for the bundles (the issuing functions invoke the certificate render function; a
 * deadline already due is fired by invoking the deadline function asynchronously): the named
 * function's bundle runs in this process. Synchronously, a thrown error comes back as Lambda
 * reports an unhandled function error (status 200, `X-Amz-Function-Error`, type and message);
 * an `Event` invocation is answered 202 at once and runs afterwards.
 */
import { bodyJson, json, restJsonError } from './protocol.ts';
import type { StandInService } from './protocol.ts';

export type InvokedFunction = (event: unknown) => Promise<unknown>;

export function lambdaStandIn(
  functions: (name: string) => Promise<InvokedFunction | undefined>,
): StandInService {
  return {
    name: 'lambda',
    match: ({ method, segments }) =>
      method === 'POST' &&
      segments[0] === '2015-03-31' &&
      segments[1] === 'functions' &&
      segments[3] === 'invocations'
        ? 'Invoke'
        : undefined,
    async run(request) {
      // FunctionName may be a name or an ARN (`arn:aws:lambda:…:function:<name>`).
      const name = (request.segments[2] as string).split(':function:').at(-1)!;
      const fn = await functions(name);
      if (!fn) return restJsonError(404, 'ResourceNotFoundException', `Function not found: ${name}`);
      const headers = { 'x-amz-executed-version': '$LATEST' };
      if (request.headers['x-amz-invocation-type'] === 'Event') {
        void fn(bodyJson(request)).catch(() => undefined); // Lambda would retry, then the on-failure destination
        return { status: 202, headers };
      }
      try {
        return json(200, (await fn(bodyJson(request))) ?? null, headers);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        return json(
          200,
          { errorType: e.name, errorMessage: e.message },
          { ...headers, 'x-amz-function-error': 'Unhandled' },
        );
      }
    },
    error: restJsonError,
  };
}
