// Retry and Catch match a handler's error by its name, as AWS matches a Lambda function error by its type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { startHarness, type Harness } from './harness.ts';

class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError';
}
class ConflictError extends Error {
  override name = 'ConflictError';
}

let h: Harness;
let machine: string;
let calls = 0;

beforeAll(async () => {
  h = await startHarness();
  machine = h.register('retry-catch', {
    FlakyFunctionArn: async (payload) => {
      calls++;
      const { fail } = payload as { fail: string };
      if (fail === 'unavailable') throw new ServiceUnavailableError('The service is down for maintenance.');
      if (fail === 'conflict') throw new ConflictError('The proposal changed meanwhile.');
      return { ok: true };
    },
  });
});

afterAll(() => h.close());

async function run(name: string, fail: string) {
  calls = 0;
  const { executionArn } = await h.sfn.send(
    new StartExecutionCommand({ stateMachineArn: machine, name, input: JSON.stringify({ fail }) }),
  );
  await h.engine.whenIdle();
  const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
  return {
    executionArn: executionArn!,
    described,
    output: JSON.parse(described.output ?? 'null') as unknown,
  };
}

describe('Retry then Catch', () => {
  it('retries a matching error MaxAttempts times with backoff, then catches it into the named state', async () => {
    const { executionArn, described, output } = await run('unavailable', 'unavailable');

    expect(calls).toBe(3); // the first attempt and two retries
    expect(described.status).toBe('SUCCEEDED');
    expect(output).toEqual({
      outcome: 'gave up',
      error: 'ServiceUnavailableError',
      cause: {
        errorType: 'ServiceUnavailableError',
        errorMessage: 'The service is down for maintenance.',
        trace: expect.any(Array),
      },
    });
    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.filter((event) => event.type === 'TaskFailed')).toHaveLength(3);
    expect(
      events
        .filter((event) => event.type === 'PassStateEntered')
        .map((event) => event.stateEnteredEventDetails?.name),
    ).toEqual(['Record the failure']);
  });

  it('catches an error no retrier matches at once, by its class name', async () => {
    const { described, output } = await run('conflict', 'conflict');

    expect(calls).toBe(1);
    expect(described.status).toBe('SUCCEEDED');
    expect(output).toEqual({ outcome: 'conflict', error: 'ConflictError' });
  });

  it('passes a successful result through OutputPath', async () => {
    const { described, output } = await run('fine', 'never');

    expect(calls).toBe(1);
    expect(described.status).toBe('SUCCEEDED');
    expect(output).toEqual({ ok: true });
  });
});

describe('an error nothing catches', () => {
  it('fails the execution with the error type and the Lambda runtime’s cause', async () => {
    const stateMachineArn = h.register(
      'two-tasks',
      {
        DoubleFunctionArn: async () => {
          throw new ConflictError('Someone else was faster.');
        },
        DescribeFunctionArn: async () => ({}),
      },
      { Label: 'unused' },
    );
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'uncaught', input: '{"value":1}' }),
    );
    await h.engine.whenIdle();

    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'ConflictError' });
    expect(JSON.parse(described.cause!)).toMatchObject({
      errorType: 'ConflictError',
      errorMessage: 'Someone else was faster.',
    });
    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'ConflictError' },
    });
  });
});
