/**
 * The advisory group's edit form as posted: its fields, the button pressed (save, add a member,
 * remove member N: submit buttons, so the page needs no script), the rows with that change made
 * and renumbered from 0, and the stored group as the form's first values.
 */
import type { AdvisoryGroup } from '#domain/advisory-group';
import type { FormValues } from './forms.ts';
import { MEMBER_FIELDS, memberFieldNames, ruleFieldNames, RULE_FIELDS } from './group-form-body.ts';

/** As many rows as the schema takes members. */
export const MAX_MEMBERS = 50;

export const GROUP_EDIT_FIELDS = [
  'revision',
  'name.zh',
  'name.en',
  ...memberFieldNames(MAX_MEMBERS),
  ...ruleFieldNames,
];

export type GroupEditAction =
  { kind: 'save' } | { kind: 'add-member' } | { kind: 'remove-member'; row: number };

export function groupEditAction(value: string | undefined): GroupEditAction {
  if (value === 'add-member') return { kind: 'add-member' };
  const m = /^remove-member-(\d{1,2})$/.exec(value ?? '');
  return m ? { kind: 'remove-member', row: Number(m[1]) } : { kind: 'save' };
}

/** The revision the form was read at; anything else matches no stored revision (a 409). */
export const postedRevision = (values: FormValues) =>
  /^\d{1,9}$/.test(values.revision ?? '') ? Number(values.revision) : -1;

/** The rows the form posted (even an empty one), in order. */
function postedRows(values: FormValues): FormValues[] {
  const rows: FormValues[] = [];
  for (let row = 0; row < MAX_MEMBERS; row++) {
    const names = MEMBER_FIELDS.map((f) => `members.${row}.${f}`);
    if (!names.some((n) => values[n] !== undefined)) continue;
    rows.push(Object.fromEntries(MEMBER_FIELDS.map((f) => [f, values[`members.${row}.${f}`] ?? ''])));
  }
  return rows;
}

function withRows(values: FormValues, rows: readonly FormValues[]): FormValues {
  const rest = Object.fromEntries(Object.entries(values).filter(([name]) => !name.startsWith('members.')));
  rows.forEach((row, i) => {
    for (const f of MEMBER_FIELDS) rest[`members.${i}.${f}`] = row[f] ?? '';
  });
  return rest;
}

/** The values with the button's change made, the rows numbered from 0 (the names the inputs carry). */
export function applyMemberAction(values: FormValues, action: GroupEditAction): FormValues {
  const rows = postedRows(values);
  if (action.kind === 'add-member' && rows.length < MAX_MEMBERS) rows.push({});
  if (action.kind === 'remove-member') rows.splice(action.row, 1);
  return withRows(values, rows);
}

/** How many member rows the values hold (at least one, for the first member). */
export const rowCount = (values: FormValues) => Math.max(1, postedRows(values).length);

/** The stored group as the form shows it, with the revision it was read at. */
export function groupValues(group: AdvisoryGroup, revision: number): FormValues {
  const values: FormValues = {
    revision: String(revision),
    'name.zh': group.name.zh,
    'name.en': group.name.en,
  };
  for (const f of RULE_FIELDS) values[`decisionRule.${f}`] = String(group.decisionRule[f]);
  return withRows(
    values,
    group.members.map((m) => ({ id: m.id, name: m.name, email: m.email, seat: m.seat })),
  );
}
