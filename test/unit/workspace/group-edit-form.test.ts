import { describe, expect, it } from 'vitest';
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import {
  applyMemberAction,
  groupEditAction,
  groupValues,
  postedRevision,
  rowCount,
} from '#http/group-edit-form';

const group = AdvisoryGroupSchema.parse({
  id: 'g',
  agencyId: 'moi',
  name: { zh: '小組', en: 'Group' },
  members: [
    { id: 'a', name: 'A', email: 'a@example.tw', seat: 'CONVENER' },
    { id: 'b', name: 'B', email: 'b@example.tw', seat: 'SCHOLAR' },
    { id: 'c', name: 'C', email: 'c@example.tw', seat: 'INDUSTRY' },
  ],
});

describe('the advisory group edit form', () => {
  it('shows the stored group with its revision and rule', () => {
    const values = groupValues(group, 4);
    expect(values).toMatchObject({
      revision: '4',
      'name.zh': '小組',
      'members.2.email': 'c@example.tw',
      'decisionRule.votePeriodDays': '14',
    });
    expect(rowCount(values)).toBe(3);
  });

  it('reads the button pressed; anything else saves', () => {
    expect(groupEditAction('add-member')).toEqual({ kind: 'add-member' });
    expect(groupEditAction('remove-member-2')).toEqual({ kind: 'remove-member', row: 2 });
    expect(groupEditAction('remove-member-x')).toEqual({ kind: 'save' });
    expect(groupEditAction(undefined)).toEqual({ kind: 'save' });
  });

  it('adds an empty row at the end and removes a row, renumbering the rest from 0', () => {
    const values = groupValues(group, 1);
    const added = applyMemberAction(values, { kind: 'add-member' });
    expect(rowCount(added)).toBe(4);
    expect(added['members.3.id']).toBe('');
    const removed = applyMemberAction(added, { kind: 'remove-member', row: 1 });
    expect(rowCount(removed)).toBe(3);
    expect([0, 1, 2].map((i) => removed[`members.${i}.id`])).toEqual(['a', 'c', '']);
    expect(removed['members.3.id']).toBeUndefined();
    expect(removed.revision).toBe('1');
  });

  it('takes only a whole revision number; anything else matches none', () => {
    expect(postedRevision({ revision: '12' })).toBe(12);
    expect(postedRevision({ revision: '1e3' })).toBe(-1);
    expect(postedRevision({})).toBe(-1);
  });
});
