import { describe, expect, it } from 'vitest';
import { AgencySchema, secondLevelAgencyId } from '#domain/agency';
import { RuleViolationError } from '#domain/errors';

function parentsOf(links: Record<string, string>): (id: string) => string | undefined {
  return (id) => links[id];
}

describe('secondLevelAgencyId', () => {
  it('walks from a fourth-level agency up to its second-level ancestor', () => {
    // Prepare
    const parentOf = parentsOf({ 'ris-taipei': 'ris', ris: 'moi-dha', 'moi-dha': 'moi' });

    // Act
    const top = secondLevelAgencyId('ris-taipei', parentOf);

    // Assess
    expect(top).toBe('moi');
  });

  it('returns a second-level agency itself', () => {
    expect(secondLevelAgencyId('moi', parentsOf({}))).toBe('moi');
  });

  it('refuses a circular tree instead of looping', () => {
    // Prepare
    const parentOf = parentsOf({ a1: 'b1', b1: 'c1', c1: 'a1' });

    // Act
    const act = () => secondLevelAgencyId('a1', parentOf);

    // Assess
    expect(act).toThrow(RuleViolationError);
    expect(act).toThrow(expect.objectContaining({ code: 'AGENCY_TREE_CYCLE' }));
  });

  it('refuses a cycle that does not pass through the start', () => {
    const parentOf = parentsOf({ leaf: 'b1', b1: 'c1', c1: 'b1' });
    expect(() => secondLevelAgencyId('leaf', parentOf)).toThrow(
      expect.objectContaining({ code: 'AGENCY_TREE_CYCLE' }),
    );
  });
});

describe('AgencySchema', () => {
  it('accepts a top-level agency without a parent', () => {
    const parsed = AgencySchema.parse({ id: 'moi', name: { zh: '內政部', en: 'Ministry of the Interior' } });
    expect(parsed.parentId).toBeUndefined();
  });

  it('refuses an agency that is its own parent', () => {
    const result = AgencySchema.safeParse({ id: 'moi', name: { zh: '內政部', en: 'MOI' }, parentId: 'moi' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['parentId']);
  });
});
