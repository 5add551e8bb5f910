// A review execution that stops outside the workflow's own Catch path (timed out, aborted, failed
// elsewhere) is recorded in the audit trail from the EventBridge status-change event, once.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#tasks/record-stopped-review';
import { RECORDED_BY_WORKFLOW } from '#usecases/record-stopped-review';
import { proposalRepository } from '#ports/proposal-repository';
import { readDefinition } from '../../../workflows/load.ts';
import { createTestTable } from '../../support/table.ts';

beforeAll(createTestTable);

/** The event EventBridge delivers for a status change of a Step Functions execution. */
const statusChange = (proposalId: string, status: string, error?: string, cause?: string) => ({
  version: '0',
  source: 'aws.states',
  'detail-type': 'Step Functions Execution Status Change',
  detail: {
    executionArn: `arn:aws:states:ap-northeast-1:123456789012:execution:review:${proposalId}-v1-r1`,
    name: `${proposalId}-v1-r1`,
    status,
    error: error ?? null,
    cause: cause ?? null,
    input: JSON.stringify({ proposalId, version: 1, round: 1 }),
  },
});

const stopped = async (id: string) =>
  (await proposalRepository.listEvents(id)).filter((e) => e.type === 'REVIEW_STOPPED');

describe('a stopped review execution', () => {
  it('is recorded with its status and cause, once however often the event arrives', async () => {
    const event = statusChange('fp-timed-out', 'TIMED_OUT', 'States.Timeout', 'The execution lasted a year.');
    expect(await handler(event)).toEqual({ outcome: 'RECORDED' });
    expect(await handler(event)).toEqual({ outcome: 'ALREADY_RECORDED' });
    const events = await stopped('fp-timed-out');
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({
      execution: 'fp-timed-out-v1-r1',
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'The execution lasted a year.',
    });
  });

  it('names the status when the execution was aborted without an error', async () => {
    await handler(statusChange('fp-aborted', 'ABORTED'));
    expect((await stopped('fp-aborted'))[0]!.detail).toMatchObject({ status: 'ABORTED', error: 'ABORTED' });
  });

  it('leaves a failure the workflow recorded itself to that record', async () => {
    expect(await handler(statusChange('fp-caught', 'FAILED', RECORDED_BY_WORKFLOW))).toEqual({
      outcome: 'ALREADY_RECORDED',
    });
    expect(await stopped('fp-caught')).toEqual([]);
  });

  it('knows the error the definition fails with after recording a stop', () => {
    const states = JSON.parse(readDefinition('fee-proposal-review')).States as Record<string, any>;
    const fails = Object.values(states).filter((s) => s.Type === 'Fail');
    expect(fails.map((s) => s.Error)).toEqual([RECORDED_BY_WORKFLOW]);
  });

  it('refuses an event that is not a status change of a review', async () => {
    await expect(handler({ detail: { name: 'x', status: 'SUCCEEDED', input: '{}' } })).rejects.toThrow();
  });
});
