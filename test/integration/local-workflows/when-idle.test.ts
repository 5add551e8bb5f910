// whenIdle follows work that handlers cause elsewhere: callbacks they complete and executions they start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { TaskFunction } from '#local/workflows/engine';
import { Inbox, parkingHandler, startHarness, type Harness } from './harness.ts';

let h: Harness;
let callback: string;
let twoTasks: string;
let release: string;
const tokens = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();
const done: string[] = [];

/** Stands for real work (a DynamoDB write, a PDF): whenIdle must wait for it. */
const working =
  (label: string, result: (payload: Record<string, unknown>) => unknown): TaskFunction =>
  async (payload) => {
    await new Promise((resolve) => setTimeout(resolve, 25));
    done.push(label);
    return result(payload as Record<string, unknown>);
  };

beforeAll(async () => {
  h = await startHarness();
  callback = h.register('callback', {
    AwaitApprovalFunctionArn: parkingHandler(tokens),
    ActFunctionArn: working('acted', (payload) => payload),
  });
  twoTasks = h.register(
    'two-tasks',
    {
      DoubleFunctionArn: working('doubled', (p) => ({ doubled: Number(p.value) * 2 })),
      DescribeFunctionArn: working('described', (p) => p),
    },
    { Label: 'started by a handler' },
  );
  release = h.register('release-other', {
    // Like the ballot handler: talks to Step Functions through its own SDK client and the endpoint variable.
    ReleaseFunctionArn: async (payload) => {
      const { taskToken, name } = payload as { taskToken: string; name: string };
      const sfn = new SFNClient({ region: 'local', maxAttempts: 1 });
      try {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"released":true}' }));
        await sfn.send(new StartExecutionCommand({ stateMachineArn: twoTasks, name, input: '{"value":5}' }));
        return { released: true };
      } finally {
        sfn.destroy();
      }
    },
  });
});

afterAll(() => h.close());

describe('whenIdle', () => {
  it('waits for the execution a handler released and the one it started, until each is parked or done', async () => {
    const waiting = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'to-release', input: '{"id":"r"}' }),
    );
    const { taskToken } = await tokens.next('token of to-release');
    await h.engine.whenIdle();
    done.length = 0;

    await h.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: release,
        name: 'releaser',
        input: JSON.stringify({ taskToken, name: 'started-by-handler' }),
      }),
    );
    await h.engine.whenIdle();

    expect(done.sort()).toEqual(['acted', 'described', 'doubled']);
    expect(
      (await h.sfn.send(new DescribeExecutionCommand({ executionArn: waiting.executionArn }))).status,
    ).toBe('SUCCEEDED');
    const { executions = [] } = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn: twoTasks }));
    expect(executions.map((execution) => [execution.name, execution.status])).toEqual([
      ['started-by-handler', 'SUCCEEDED'],
    ]);
  });

  it('is idle at once when every running execution is parked on a callback', async () => {
    await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'parked', input: '{"id":"p"}' }),
    );
    await tokens.next('token of parked');

    await expect(h.engine.whenIdle({ timeoutMs: 2000 })).resolves.toBeUndefined();
  });

  it('names what is still busy when it gives up', async () => {
    const slow = h.register('retry-catch', {
      FlakyFunctionArn: () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 500)),
    });
    await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: slow, name: 'slow', input: '{"fail":"no"}' }),
    );

    await expect(h.engine.whenIdle({ timeoutMs: 50 })).rejects.toThrow(
      /retry-catch:slow: 1 task handler\(s\) running/,
    );
    await h.engine.whenIdle();
  });
});
