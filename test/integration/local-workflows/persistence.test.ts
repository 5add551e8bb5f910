// With a data folder, executions outlive the engine: a new engine resumes those still running.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import { LocalClock } from '#local/local-clock';
import type { TaskFunction } from '#local/workflows/engine';
import { Inbox, parkingHandler, startHarness, type Harness } from './harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'local-workflows-'));
const open: Harness[] = [];

afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startEngine(
  tokens: Inbox<{ taskToken: string; payload: Record<string, unknown> }>,
  act: TaskFunction,
) {
  const harness = await startHarness({ dataDir, clock: new LocalClock(dataDir) });
  open.push(harness);
  const machine = harness.register('callback', {
    AwaitApprovalFunctionArn: parkingHandler(tokens),
    ActFunctionArn: act,
  });
  return { harness, machine };
}

describe('persistence', () => {
  it('an execution waiting on a callback when the engine stops is run again by the next engine and can finish', async () => {
    const before = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();
    const first = await startEngine(before, async () => ({ acted: true }));
    const { executionArn } = await first.harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn: first.machine, name: 'survives', input: '{"id":"s"}' }),
    );
    const oldToken = (await before.next('token before the restart')).taskToken;
    const finished = await first.harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn: first.machine, name: 'finished', input: '{"id":"f"}' }),
    );
    await first.harness.sfn.send(
      new SendTaskSuccessCommand({
        taskToken: (await before.next('token of finished')).taskToken,
        output: '{}',
      }),
    );
    await first.harness.engine.whenIdle();
    await first.harness.close();
    open.length = 0;

    const stored = readFileSync(join(dataDir, 'workflow-executions.json'), 'utf8');
    expect(stored).not.toContain(oldToken);
    expect(
      JSON.parse(stored).executions.map((e: { name: string; status: string }) => [e.name, e.status]),
    ).toEqual([
      ['survives', 'RUNNING'],
      ['finished', 'SUCCEEDED'],
    ]);

    const after = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();
    const second = await startEngine(after, async (payload) => ({ actedOn: payload }));
    expect(second.harness.engine.resumeRunning()).toEqual({
      resumed: [executionArn],
      unknownStateMachine: [],
    });
    const { taskToken: newToken, payload } = await after.next('token after the restart');

    expect(payload).toEqual({ taskToken: newToken, id: 's' }); // run again from the start, with its original input
    expect(newToken).not.toBe(oldToken);
    await expect(
      second.harness.sfn.send(new SendTaskSuccessCommand({ taskToken: oldToken, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await second.harness.sfn.send(new SendTaskSuccessCommand({ taskToken: newToken, output: '{"ok":true}' }));
    await second.harness.engine.whenIdle();

    const described = await second.harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ actedOn: { id: 's', approval: { ok: true } } });
    const old = await second.harness.sfn.send(
      new DescribeExecutionCommand({ executionArn: finished.executionArn }),
    );
    expect(old.status).toBe('SUCCEEDED'); // finished executions are kept, and not run again
    expect(after.size).toBe(0);
  });
});
