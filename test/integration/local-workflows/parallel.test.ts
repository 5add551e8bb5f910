// Callbacks and whenIdle inside a Parallel state: a parked branch does not hide a working one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeExecutionCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { Inbox, parkingHandler, startHarness, type Harness } from './harness.ts';

let h: Harness;
let machine: string;
const tokens = new Inbox<{ taskToken: string; payload: Record<string, unknown> }>();
const rendered: unknown[] = [];

beforeAll(async () => {
  h = await startHarness();
  machine = h.register('parallel-callback', {
    AwaitSignatureFunctionArn: parkingHandler(tokens),
    RenderFunctionArn: async (payload) => {
      rendered.push(payload);
      return { rendered: (payload as { id: string }).id };
    },
  });
});

afterAll(() => h.close());

describe('a Parallel state with a callback branch', () => {
  it('is idle only once the other branch has passed its Wait and task, and joins both results', async () => {
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: machine, name: 'both', input: '{"id":"doc-1"}' }),
    );
    const { taskToken } = await tokens.next('signature token');

    await h.engine.whenIdle();
    expect(rendered).toEqual([{ id: 'doc-1' }]); // the one-second Wait and the task ran before idle
    expect((await h.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    await h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"signedBy":"chair"}' }));
    await h.engine.whenIdle();

    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual([{ signedBy: 'chair' }, { rendered: 'doc-1' }]);
  });
});
