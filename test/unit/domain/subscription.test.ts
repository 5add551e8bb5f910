import { describe, expect, it } from 'vitest';
import {
  newConsultationTopics,
  subscriberKey,
  SubscriptionRequestSchema,
  topicOf,
} from '#domain/subscription';

describe('SubscriptionRequestSchema', () => {
  it('takes an address alone (every new consultation), with a dataset, or with a proposal', () => {
    for (const body of [
      { email: 'a@example.tw' },
      { email: 'a@example.tw', datasetId: '6564' },
      { email: 'a@example.tw', proposalId: 'fp-1' },
    ])
      expect(SubscriptionRequestSchema.safeParse(body).success).toBe(true);
  });

  it('refuses a dataset and a proposal at once, naming the proposal field, and a bad address', () => {
    const both = SubscriptionRequestSchema.safeParse({
      email: 'a@example.tw',
      datasetId: 'cadastral-maps',
      proposalId: 'fp-1',
    });
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((i) => i.path)).toEqual([['proposalId']]);
    expect(SubscriptionRequestSchema.safeParse({ email: 'not an address' }).success).toBe(false);
  });
});

describe('topics', () => {
  it('reads the topic from the request: a proposal, a dataset, else every consultation', () => {
    expect(topicOf({ proposalId: 'p' })).toEqual({ kind: 'PROPOSAL', proposalId: 'p' });
    expect(topicOf({ datasetId: 'd' })).toEqual({ kind: 'DATASET', datasetId: 'd' });
    expect(topicOf({})).toEqual({ kind: 'ALL' });
  });

  it('reaches every-consultation subscribers and each dataset’s once for a new consultation', () => {
    expect(newConsultationTopics(['d1', 'd2', 'd1'])).toEqual([
      { kind: 'ALL' },
      { kind: 'DATASET', datasetId: 'd1' },
      { kind: 'DATASET', datasetId: 'd2' },
    ]);
  });

  it('compares addresses without case or surrounding spaces', () => {
    expect(subscriberKey(' Lin@Example.TW ')).toBe('lin@example.tw');
  });
});
