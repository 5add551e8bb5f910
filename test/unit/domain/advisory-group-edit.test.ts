import { describe, expect, it } from 'vitest';
import { AdvisoryGroupSchema, type AdvisoryGroup } from '#domain/advisory-group';
import { assertAdvisoryGroupEdit, convenerProblems } from '#domain/advisory-group-edit';
import { AppError, RuleViolationError, ValidationError } from '#domain/errors';

const stored: AdvisoryGroup = AdvisoryGroupSchema.parse({
  id: 'moi-group',
  agencyId: 'moi',
  name: { zh: '內政部資料開放諮詢小組', en: 'MOI open data advisory group' },
  members: [
    { id: 'chair', name: '王主席', email: 'chair@example.tw', seat: 'CONVENER' },
    { id: 'lin', name: '林委員', email: 'lin@example.tw', seat: 'SCHOLAR' },
  ],
});

const refusal = (fn: () => void): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('editing an advisory group', () => {
  it('takes new names, a new address, a member joining and another leaving, and a new rule', () => {
    const next: AdvisoryGroup = {
      ...stored,
      name: { zh: '新名稱', en: 'New name' },
      members: [
        { ...stored.members[0]!, email: 'chair.new@example.tw' },
        { id: 'chen', name: '陳委員', email: 'chen@example.tw', seat: 'INDUSTRY' },
      ],
      decisionRule: { ...stored.decisionRule, votePeriodDays: 21 },
    };
    expect(() => assertAdvisoryGroupEdit(stored, next)).not.toThrow();
  });

  it('keeps the group id', () => {
    const error = refusal(() => assertAdvisoryGroupEdit(stored, { ...stored, id: 'other' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details[0]?.path).toBe('id');
  });

  it('keeps the agency the group advises', () => {
    const error = refusal(() => assertAdvisoryGroupEdit(stored, { ...stored, agencyId: 'mof' }));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.code).toBe('GROUP_AGENCY_FIXED');
    expect(error.details[0]?.path).toBe('agencyId');
  });

  it('refuses a second convener at its seat, in both languages', () => {
    const members = [stored.members[0]!, { ...stored.members[1]!, seat: 'CONVENER' as const }];
    const error = refusal(() => assertAdvisoryGroupEdit(stored, { ...stored, members }));
    expect(error.code).toBe('ONE_CONVENER');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ path: 'members.1.seat', rule: 'ONE_CONVENER' });
    expect(error.details[0]?.messages?.zh).toContain('召集人');
    expect(error.details[0]?.messages?.en).toContain('member 1 is the convener');
  });

  it('refuses a group left without a convener at the first seat', () => {
    const members = [{ ...stored.members[0]!, seat: 'AGENCY' as const }, stored.members[1]!];
    expect(convenerProblems(members).map((d) => d.path)).toEqual(['members.0.seat']);
  });

  it('names every convener after the first', () => {
    const members = ['a', 'b', 'c'].map((id) => ({
      id,
      name: id,
      email: `${id}@example.tw`,
      seat: 'CONVENER' as const,
    }));
    expect(convenerProblems(members).map((d) => d.path)).toEqual(['members.1.seat', 'members.2.seat']);
  });
});
