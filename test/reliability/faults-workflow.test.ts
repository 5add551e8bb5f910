// A task handler that throws: the definition's Retry runs it again and the review goes on; one
// that keeps throwing ends on its Catch path, which records that the review stopped. Completing a
// task that is already closed is answered quietly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { FeeProposalInputSchema } from '#domain/fee-proposal';
import type { Principal } from '#domain/principal';
import { proposalRepository } from '#ports/proposal-repository';
import { completeTask } from '#ports/workflow';
import { draftFeeProposal } from '#usecases/draft-fee-proposal';
import { submitFeeProposal } from '#usecases/submit-fee-proposal';
import { releaseWaitingStep } from '#usecases/workflow-steps';
import { SEED } from '#local/seed';
import { readDefinition } from '../../workflows/load.ts';
import { validProposal } from '../support/fixtures.ts';
import { attempt } from './support/tally.ts';
import { startReviewEngine } from './support/review-engine.ts';

const agency: Principal = { sub: 'nlsc-user', roles: ['agency'], agencyId: SEED.subordinate };

/** How often the notice task of each proposal fails before it works (Infinity: always). */
const failuresPlanned = new Map<string, number>();
const calls = new Map<string, number>();

let review: Awaited<ReturnType<typeof startReviewEngine>>;

beforeAll(async () => {
  review = await startReviewEngine((placeholder, handler) =>
    placeholder !== 'PublishConsultationNoticeFunctionArn'
      ? handler
      : async (payload) => {
          const id = (payload as { proposalId: string }).proposalId;
          const n = (calls.get(id) ?? 0) + 1;
          calls.set(id, n);
          if (n <= (failuresPlanned.get(id) ?? 0))
            throw new ServiceUnavailableError('The table is throttling.');
          return handler(payload);
        },
  );
});
afterAll(() => review?.close());

async function submitted(failures: number): Promise<string> {
  const draft = await draftFeeProposal(
    FeeProposalInputSchema.parse(validProposal({ effectiveFrom: '2031-01-01' })),
    agency,
  );
  failuresPlanned.set(draft.id, failures);
  await submitFeeProposal(draft.id, agency);
  await review.engine.whenIdle();
  return draft.id;
}

/** MaxAttempts of the notice task's retrier for ServiceUnavailableError, as the definition says. */
function noticeRetries(): number {
  const states = JSON.parse(readDefinition('fee-proposal-review')).States as Record<string, any>;
  const retry = states['Publish the consultation notice'].Retry as {
    ErrorEquals: string[];
    MaxAttempts: number;
  }[];
  return retry.find((r) => r.ErrorEquals.includes('ServiceUnavailableError'))!.MaxAttempts;
}

const eventTypes = async (id: string) => (await proposalRepository.listEvents(id)).map((e) => e.type);

const executionOf = async (id: string) => {
  const name = (await proposalRepository.get(id))!.value.workflow!.executionName;
  return review.engine.describeExecution(`${review.arn.replace(':stateMachine:', ':execution:')}:${name}`);
};

describe('a task handler that throws', () => {
  it('is retried by the definition, and the review goes on', async () => {
    const id = await attempt('faults', () => submitted(2));
    expect(calls.get(id)).toBe(3);
    const types = await eventTypes(id);
    expect(types.filter((t) => t === 'NOTICE_PUBLISHED')).toHaveLength(1);
    expect(types).not.toContain('REVIEW_STOPPED');
    expect((await executionOf(id)).status).toBe('RUNNING');
  });

  it('ends on its Catch path after the last retry: the review is recorded as stopped', async () => {
    const id = await attempt('faults', () => submitted(Infinity));
    expect(calls.get(id)).toBe(1 + noticeRetries()); // the first attempt and the retrier's MaxAttempts
    const events = await proposalRepository.listEvents(id);
    const stopped = events.filter((e) => e.type === 'REVIEW_STOPPED');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.detail!.error).toBe('ServiceUnavailableError');
    expect(events.map((e) => e.type)).not.toContain('NOTICE_PUBLISHED');
    expect((await executionOf(id)).status).not.toBe('RUNNING');
  });
});

describe('completing a task that is closed', () => {
  it('is answered quietly: no error, nothing changes', async () => {
    const id = await submitted(0);
    const token = (await proposalRepository.get(id))!.value.workflow!.waiting!.taskToken;
    expect(await releaseWaitingStep(id, 'CONSULTATION_CLOSE', { closedAt: 'now' })).toBe(true);
    await review.engine.whenIdle();
    const after = await proposalRepository.get(id);

    for (const call of [
      () => completeTask(token, { again: true }),
      () => releaseWaitingStep(id, 'CONSULTATION_CLOSE', { closedAt: 'again' }),
      () => completeTask('a-token-no-task-ever-had', {}),
    ]) {
      await attempt('faults', async () => expect(await call()).toBe(false));
    }
    await review.engine.whenIdle();
    expect(await proposalRepository.get(id)).toEqual(after);
  });
});
