// Refusals on the deployed bundles name the field by its label: the labels are registered where the
// schema is built (labelFields), a call a bundle drops with the schema when it is unused, so a
// bundle that kept the schema but not its labels would answer with the bare path instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { apiClient } from '../support/runtime.ts';
import { startBundleRuntime } from './support.ts';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startBundleRuntime();
  api = apiClient(runtime);
});
afterAll(async () => runtime?.close());

describe('a refusal on the deployed bundles', () => {
  it('names a license request’s field by its label in both languages', async () => {
    const refused = await api.post('/licenses', {
      datasetId: SEED.datasets.open,
      licensee: { name: '', email: 'lin@example.tw' },
      purpose: 'COMMERCIAL',
    });
    expect(refused.status, refused.text).toBe(400);
    const details = refused.body.error.details as {
      path: string;
      label: unknown;
      messages: { zh: string };
    }[];
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail).toMatchObject({
        path: 'licensee.name',
        label: { zh: '被授權人姓名', en: 'Licensee’s name' },
      });
      expect(detail.messages.zh).toContain('「被授權人姓名」');
    }
  });

  it('names a comment’s field by its label in both languages', async () => {
    const refused = await api.post('/fee-proposals/any-proposal/comments', { body: ' ' });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ path: 'body', label: { zh: '意見內容', en: 'Your comment' } }),
    ]);
  });
});
