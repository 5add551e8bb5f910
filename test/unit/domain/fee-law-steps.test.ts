import { describe, expect, it } from 'vitest';
import {
  checkFeeLawStep,
  feeLawChecklist,
  type FeeLawStepInput,
  type FeeLawStepRecord,
} from '#domain/fee-law-steps';

const recorded = (step: FeeLawStepRecord['step'], date: string): FeeLawStepRecord => ({
  step,
  date,
  reference: 'R',
  recordedAt: `${date}T01:00:00.000Z`,
});
const check = (
  done: FeeLawStepRecord[],
  step: Partial<FeeLawStepInput> & Pick<FeeLawStepInput, 'step'>,
  effectiveFrom = '2027-06-01',
) =>
  checkFeeLawStep({
    done,
    step: { date: '2027-03-10', reference: 'R', ...step },
    decidedOn: '2027-03-01',
    today: '2027-03-15',
    effectiveFrom,
  });
const ruleOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return (
      (error as { code: string; details: { path: string }[] }).code +
      ' ' +
      (error as { details: { path: string }[] }).details[0]!.path
    );
  }
  return 'accepted';
};

describe('checkFeeLawStep', () => {
  const consent = recorded('FEE_AUTHORITY_CONSENT', '2027-03-05');
  const filing = recorded('COUNCIL_FILING', '2027-03-08');

  it('takes the steps in the law’s order only', () => {
    expect(ruleOf(() => check([], { step: 'COUNCIL_FILING' }))).toBe('FEE_LAW_STEP_OUT_OF_ORDER step');
    expect(ruleOf(() => check([], { step: 'ANNOUNCEMENT', url: 'https://x.gov.tw/a' }))).toBe(
      'FEE_LAW_STEP_OUT_OF_ORDER step',
    );
    expect(ruleOf(() => check([consent], { step: 'FEE_AUTHORITY_CONSENT' }))).toBe(
      'FEE_LAW_STEP_OUT_OF_ORDER step',
    );
    expect(check([], { step: 'FEE_AUTHORITY_CONSENT' })).toEqual({ effectiveFrom: '2027-06-01' });
    expect(
      ruleOf(() =>
        check([consent, filing, recorded('ANNOUNCEMENT', '2027-03-09')], { step: 'ANNOUNCEMENT' }),
      ),
    ).toBe('FEE_LAW_STEP_OUT_OF_ORDER step');
  });

  it('dates each step on or after the result and the step before it, and not in the future', () => {
    expect(ruleOf(() => check([], { step: 'FEE_AUTHORITY_CONSENT', date: '2027-02-28' }))).toBe(
      'FEE_LAW_STEP_BEFORE_DECISION date',
    );
    expect(ruleOf(() => check([consent], { step: 'COUNCIL_FILING', date: '2027-03-04' }))).toBe(
      'FEE_LAW_STEP_DATE_OUT_OF_ORDER date',
    );
    expect(ruleOf(() => check([consent], { step: 'COUNCIL_FILING', date: '2027-03-05' }))).toBe('accepted');
    expect(ruleOf(() => check([], { step: 'FEE_AUTHORITY_CONSENT', date: '2027-03-16' }))).toBe(
      'FEE_LAW_STEP_IN_FUTURE date',
    );
  });

  it('needs the announcement’s URL, and an effective date on or after the announcement and today', () => {
    expect(ruleOf(() => check([consent, filing], { step: 'ANNOUNCEMENT' }))).toBe(
      'ANNOUNCEMENT_URL_REQUIRED url',
    );
    const url = 'https://gazette.nat.gov.tw/1';
    expect(ruleOf(() => check([consent, filing], { step: 'ANNOUNCEMENT', url }, '2027-03-09'))).toBe(
      'EFFECTIVE_BEFORE_ANNOUNCEMENT effectiveFrom',
    );
    expect(ruleOf(() => check([consent, filing], { step: 'ANNOUNCEMENT', url }, '2027-03-12'))).toBe(
      'EFFECTIVE_DATE_IN_PAST effectiveFrom',
    );
    expect(
      check([consent, filing], { step: 'ANNOUNCEMENT', url, effectiveFrom: '2027-04-01' }, '2027-03-12'),
    ).toEqual({
      effectiveFrom: '2027-04-01',
    });
    expect(check([consent, filing], { step: 'ANNOUNCEMENT', url, date: '2027-03-15' }, '2027-03-15')).toEqual(
      {
        effectiveFrom: '2027-03-15',
      },
    );
  });

  it('takes a new effective date only with the announcement', () => {
    expect(ruleOf(() => check([], { step: 'FEE_AUTHORITY_CONSENT', effectiveFrom: '2027-09-01' }))).toBe(
      'EFFECTIVE_DATE_SET_AT_ANNOUNCEMENT effectiveFrom',
    );
  });
});

describe('feeLawChecklist', () => {
  it('lists every step in the order the law sets, with what was recorded, whatever order the records are in', () => {
    // Prepare
    const done = [
      { ...recorded('COUNCIL_FILING', '2027-03-12'), url: 'https://example.gov.tw/f' },
      recorded('FEE_AUTHORITY_CONSENT', '2027-03-10'),
    ];

    // Act
    const list = feeLawChecklist(done);

    // Assess
    expect(list).toEqual([
      { step: 'FEE_AUTHORITY_CONSENT', recorded: { date: '2027-03-10', reference: 'R' } },
      {
        step: 'COUNCIL_FILING',
        recorded: { date: '2027-03-12', reference: 'R', url: 'https://example.gov.tw/f' },
      },
      { step: 'ANNOUNCEMENT' },
    ]);
  });
});
