import { describe, expect, it } from 'vitest';
import { AdvisoryGroupSchema, DEFAULT_DECISION_RULE, DecisionRuleSchema } from '#domain/advisory-group';

function member(id: string, email = `${id}@example.org`) {
  return { id, name: `Member ${id}`, email, seat: 'SCHOLAR' as const };
}

function group(members = [member('m1'), member('m2')], extra: Record<string, unknown> = {}) {
  return {
    id: 'moi-panel',
    agencyId: 'moi',
    name: { zh: '內政部諮詢小組', en: 'MOI panel' },
    members,
    ...extra,
  };
}

describe('DecisionRuleSchema', () => {
  it('fills in the documented defaults', () => {
    expect(DEFAULT_DECISION_RULE).toEqual({
      kind: 'SIMPLE_MAJORITY',
      quorumFraction: 0.5,
      votePeriodDays: 14,
      reminderLeadDays: 2,
      maxExtensions: 1,
      extensionDays: 7,
      packetLeadDays: 5,
    });
  });

  it('refuses a packet lead time longer than the vote period', () => {
    const result = DecisionRuleSchema.safeParse({ votePeriodDays: 3, reminderLeadDays: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['packetLeadDays']);
  });

  it('refuses a quorum of zero', () => {
    expect(DecisionRuleSchema.safeParse({ quorumFraction: 0 }).success).toBe(false);
  });
});

describe('AdvisoryGroupSchema', () => {
  it('gives a group without a decision rule the default one', () => {
    expect(AdvisoryGroupSchema.parse(group()).decisionRule).toEqual(DEFAULT_DECISION_RULE);
  });

  it('keeps a declared quorum and defaults the rest', () => {
    const parsed = AdvisoryGroupSchema.parse(group(undefined, { decisionRule: { quorumFraction: 2 / 3 } }));
    expect(parsed.decisionRule.quorumFraction).toBeCloseTo(2 / 3);
    expect(parsed.decisionRule.votePeriodDays).toBe(14);
  });

  it('refuses a member id listed twice, pointing at the repeat', () => {
    const result = AdvisoryGroupSchema.safeParse(group([member('m1'), member('m1', 'other@example.org')]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['members', 1, 'id']);
    expect(result.error?.issues[0]?.message).toContain("'m1'");
  });

  it('refuses one e-mail for two members, whatever its case', () => {
    const result = AdvisoryGroupSchema.safeParse(
      group([member('m1', 'Lin@Example.org'), member('m2', 'lin@example.org')]),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['members', 1, 'email']);
  });

  it('needs between 1 and 50 members', () => {
    expect(AdvisoryGroupSchema.safeParse(group([])).success).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => member(`m${i}`));
    expect(AdvisoryGroupSchema.safeParse(group(many)).success).toBe(false);
    expect(AdvisoryGroupSchema.safeParse(group(many.slice(0, 50))).success).toBe(true);
  });

  it('refuses an unknown seat', () => {
    expect(AdvisoryGroupSchema.safeParse(group([{ ...member('m1'), seat: 'CHAIR' as never }])).success).toBe(
      false,
    );
  });
});
