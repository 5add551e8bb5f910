// `.waitForTaskToken` tasks: completed and failed through the SDK, unknown tokens, 200-day timeouts on the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import { fixture, Inbox, parkingHandler, startHarness, type Harness } from './harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

let h: Harness;
let callback: string;
const tokens = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();
const acted = new Inbox<unknown>();

beforeAll(async () => {
  h = await startHarness();
  callback = h.register('callback', {
    AwaitApprovalFunctionArn: parkingHandler(tokens),
    ActFunctionArn: async (payload) => {
      // Real work takes a moment; whenIdle must wait for it, not just for the callback.
      await new Promise((resolve) => setTimeout(resolve, 20));
      acted.push(payload);
      return { acted: payload };
    },
  });
});

afterAll(() => h.close());

async function start(name: string) {
  const { executionArn } = await h.sfn.send(
    new StartExecutionCommand({ stateMachineArn: callback, name, input: JSON.stringify({ id: name }) }),
  );
  const { taskToken, payload } = await tokens.next(`task token of ${name}`);
  return { executionArn: executionArn!, taskToken, payload };
}

const describeExecution = (executionArn: string) =>
  h.sfn.send(new DescribeExecutionCommand({ executionArn }));

describe('callback tasks', () => {
  it('hand the handler a fresh opaque token in place of $$.Task.Token, never logged', async () => {
    const first = await start('token-shape-1');
    const second = await start('token-shape-2');

    expect(first.payload).toEqual({ taskToken: first.taskToken, id: 'token-shape-1' });
    expect(first.taskToken).toMatch(/^[A-Za-z0-9_-]{43,}$/); // ≥ 256 bits, base64url
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(first.taskToken).not.toContain('local-task-token'); // the sentinel never leaks
    expect(JSON.stringify(h.logs)).not.toContain(first.taskToken);
    expect((await describeExecution(first.executionArn)).status).toBe('RUNNING');

    // Stopping an execution voids its token.
    for (const { executionArn } of [first, second])
      await h.sfn.send(new StopExecutionCommand({ executionArn }));
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: first.taskToken, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
  });

  it('SendTaskSuccess from the SDK resumes the execution, and whenIdle sees the following task done', async () => {
    const { executionArn, taskToken } = await start('approved');

    await h.sfn.send(
      new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approvedBy: 'reviewer' }) }),
    );
    await h.engine.whenIdle();

    expect(acted.size).toBe(1); // done before whenIdle resolved, not eventually
    expect(await acted.next('follow-up payload')).toEqual({
      id: 'approved',
      approval: { approvedBy: 'reviewer' },
    });
    const described = await describeExecution(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({
      acted: { id: 'approved', approval: { approvedBy: 'reviewer' } },
    });
  });

  it('SendTaskFailure is caught by the Catch on States.TaskFailed, with its error and cause', async () => {
    const { executionArn, taskToken } = await start('rejected');

    await h.sfn.send(
      new SendTaskFailureCommand({ taskToken, error: 'Rejected', cause: 'The fee is too high.' }),
    );
    await h.engine.whenIdle();

    const described = await describeExecution(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({
      outcome: 'rejected',
      failure: { Error: 'Rejected', Cause: 'The fee is too high.' },
    });
    expect(acted.size).toBe(0);
  });

  it('a settled, unknown or malformed token is refused with the SDK exception AWS uses', async () => {
    const { taskToken } = await start('settled');
    await h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));
    await h.engine.whenIdle();
    await acted.next('follow-up payload');

    await expect(h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
    const unknown = Buffer.alloc(32, 7).toString('base64url');
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      h.sfn.send(new SendTaskFailureCommand({ taskToken: unknown, error: 'X' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: 'not a token!', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('a callback with TimeoutSeconds of 200 days', () => {
  it('does not fire at once, nor before the clock passes it, and then is caught as States.Timeout', async () => {
    const { executionArn, taskToken } = await start('slow-approval');
    await h.engine.whenIdle();
    expect((await describeExecution(executionArn)).status).toBe('RUNNING'); // a 200-day Node timer would have fired by now

    h.clock.advanceBy(199 * DAY_MS);
    expect(h.engine.advanceClock()).toBe(0);
    await h.engine.whenIdle();
    expect((await describeExecution(executionArn)).status).toBe('RUNNING');

    h.clock.advanceBy(2 * DAY_MS);
    expect(h.engine.advanceClock()).toBe(1);
    await h.engine.whenIdle();

    const described = await describeExecution(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    // Caught by States.Timeout, not by the States.TaskFailed catcher listed before it (as in AWS).
    expect(JSON.parse(described.output!)).toEqual({ outcome: 'timed out', error: 'States.Timeout' });
    await expect(h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.map((event) => event.type)).toContain('TaskTimedOut');
  });
});

describe('an execution with a top-level TimeoutSeconds', () => {
  it('times out on the clock, as TIMED_OUT, voiding its token', async () => {
    const definition = JSON.stringify({ ...JSON.parse(fixture('callback')), TimeoutSeconds: 86_400 });
    const stateMachineArn = h.engine.registerStateMachine({
      name: 'callback-within-a-day',
      definition,
      functions: { AwaitApprovalFunctionArn: parkingHandler(tokens), ActFunctionArn: async () => ({}) },
    });
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'day', input: '{"id":"d"}' }),
    );
    const { taskToken } = await tokens.next('token of day');

    h.clock.advanceBy(DAY_MS + 1000);
    h.engine.advanceClock();
    await h.engine.whenIdle();

    expect(await describeExecution(executionArn!)).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
    });
    await expect(h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
  });
});
