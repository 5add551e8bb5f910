// Executions through the Step Functions API with an unchanged SFNClient: data flow, names, history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { Inbox, parkingHandler, startHarness, type Harness } from './harness.ts';

let h: Harness;
let twoTasks: string;
let callback: string;
const received = new Inbox<unknown>();
const tokens = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();

beforeAll(async () => {
  h = await startHarness();
  twoTasks = h.register(
    'two-tasks',
    {
      DoubleFunctionArn: async (payload) => {
        received.push(payload);
        return { doubled: (payload as { value: number }).value * 2, ignored: 'not selected' };
      },
      DescribeFunctionArn: async (payload) => {
        received.push(payload);
        const { doubled, label, execution } = payload as {
          doubled: number;
          label: string;
          execution: string;
        };
        return { summary: `${label}: ${doubled}`, execution };
      },
    },
    { Label: 'twice' },
  );
  callback = h.register('callback', {
    AwaitApprovalFunctionArn: parkingHandler(tokens),
    ActFunctionArn: async () => ({ acted: true }),
  });
});

afterAll(() => h.close());

describe('two Lambda tasks', () => {
  it('pass data through Payload, ResultSelector and OutputPath, and give each handler its own payload', async () => {
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: twoTasks, name: 'double-21', input: '{"value":21}' }),
    );
    await h.engine.whenIdle();

    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output ?? 'null')).toEqual({ summary: 'twice: 42', execution: 'double-21' });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
    expect(await received.next('first payload')).toEqual({ value: 21 });
    expect(await received.next('second payload')).toEqual({
      doubled: 42,
      label: 'twice',
      execution: 'double-21',
    });
  });

  it('records an AWS-shaped history: typed events with ids and state names, in order', async () => {
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: twoTasks, name: 'history', input: '{"value":1}' }),
    );
    await h.engine.whenIdle();
    await received.next('first payload');
    await received.next('second payload');

    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[1]?.stateEnteredEventDetails?.name).toBe('Double the value');
    expect(events[4]?.stateExitedEventDetails?.name).toBe('Describe the result');
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
  });
});

describe('execution names', () => {
  it('starting again with the same name and input returns the running execution', async () => {
    const first = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'same-name', input: '{"id":"a"}' }),
    );
    await tokens.next('token of same-name');
    const again = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'same-name', input: '{"id":"a"}' }),
    );
    await h.engine.whenIdle();

    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
    expect(tokens.size).toBe(0); // no second run was started
    const { executions = [] } = await h.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: callback, statusFilter: 'RUNNING' }),
    );
    expect(executions.filter((execution) => execution.name === 'same-name')).toHaveLength(1);
  });

  it('the same name with a different input is ExecutionAlreadyExists', async () => {
    await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'clash', input: '{"id":"a"}' }),
    );
    await tokens.next('token of clash');

    const clash = h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'clash', input: '{"id":"b"}' }),
    );
    await expect(clash).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('the name of a finished execution cannot be used again, as in AWS', async () => {
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: callback, name: 'stopped', input: '{"id":"s"}' }),
    );
    await tokens.next('token of stopped');
    await h.sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'test' }));

    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'test' });
    await expect(
      h.sfn.send(
        new StartExecutionCommand({ stateMachineArn: callback, name: 'stopped', input: '{"id":"s"}' }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('unknown machines and executions are the SDK exceptions AWS would raise', async () => {
    const unknownMachine = h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: `${twoTasks}-nope`, input: '{}' }),
    );
    await expect(unknownMachine).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    const unknownExecution = h.sfn.send(
      new DescribeExecutionCommand({
        executionArn: `${twoTasks.replace(':stateMachine:', ':execution:')}:nope`,
      }),
    );
    await expect(unknownExecution).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });
});
