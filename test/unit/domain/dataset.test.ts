import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '#domain/dataset';
import { dataset } from './fixtures.ts';

describe('DatasetSchema', () => {
  it('needs a legal reason for a dataset that is not provided', () => {
    // Act
    const result = DatasetSchema.safeParse(dataset({ classification: 'NOT_PROVIDED' }));

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['notProvidedReason']);
  });

  it('accepts a withheld dataset with its reason', () => {
    const result = DatasetSchema.safeParse(
      dataset({ classification: 'NOT_PROVIDED', notProvidedReason: '個人資料保護法第16條' }),
    );
    expect(result.success).toBe(true);
  });

  it('stores a checksum in lower case and refuses one of the wrong length', () => {
    expect(DatasetSchema.parse(dataset({ distributionSha256: 'AB'.repeat(32) })).distributionSha256).toBe(
      'ab'.repeat(32),
    );
    expect(DatasetSchema.safeParse(dataset({ distributionSha256: 'ab'.repeat(31) })).success).toBe(false);
  });

  it('refuses a version longer than 40 characters', () => {
    expect(DatasetSchema.safeParse(dataset({ version: 'v'.repeat(41) })).success).toBe(false);
  });
});
