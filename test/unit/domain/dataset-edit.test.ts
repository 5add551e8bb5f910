import { describe, expect, it } from 'vitest';
import { assertDatasetEdit } from '#domain/dataset-edit';
import type { Dataset } from '#domain/dataset';
import type { FeeScheduleEntry } from '#domain/fee-schedule';
import { RuleViolationError, ValidationError } from '#domain/errors';

const stored: Dataset = {
  id: 'nlsc-maps',
  agencyId: 'moi-nlsc',
  title: { zh: '地籍圖', en: 'Cadastral maps' },
  version: '1',
  classification: 'ON_APPLICATION',
  conditionsOfUse: {
    title: { zh: '利用條件', en: 'Conditions' },
    version: '1',
    url: 'https://example.gov.tw/c',
    sublicensing: false,
  },
};
const schedule = { proposalId: 'fp-1' } as FeeScheduleEntry;

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as RuleViolationError;
  }
  throw new Error('not refused');
};

describe('editing a dataset', () => {
  it('accepts a new version, class and hash', () => {
    expect(() =>
      assertDatasetEdit(stored, { ...stored, version: '2', classification: 'OPEN', releaseYear: 2020 }),
    ).not.toThrow();
  });

  it('keeps the id (400 on id) and the agency (422 on agencyId)', () => {
    const renamed = refusal(() => assertDatasetEdit(stored, { ...stored, id: 'other' }));
    expect(renamed).toBeInstanceOf(ValidationError);
    expect(renamed.details[0]!.path).toBe('id');
    const moved = refusal(() => assertDatasetEdit(stored, { ...stored, agencyId: 'moi' }));
    expect(moved).toBeInstanceOf(RuleViolationError);
    expect(moved.code).toBe('DATASET_AGENCY_FIXED');
    expect(moved.details[0]!.path).toBe('agencyId');
  });

  it('keeps a dataset with a fee schedule on application', () => {
    const withFee = { ...stored, feeSchedules: [schedule] };
    const opened = refusal(() =>
      assertDatasetEdit(withFee, { ...stored, classification: 'OPEN', releaseYear: 2020 }),
    );
    expect(opened.code).toBe('DATASET_CARRIES_FEE_SCHEDULE');
    expect(opened.details[0]!.path).toBe('classification');
    expect(() => assertDatasetEdit(withFee, { ...stored, version: '2' })).not.toThrow();
  });
});
