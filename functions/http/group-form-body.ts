/**
 * The body an advisory-group form stands for (the console's register form, a group's edit page):
 * member rows as a list (an empty row dropped, the rows' numbering kept for the messages) and the
 * decision rule's numbers as numbers; and how a refused body path reads as the form's field.
 */
export const RULE_FIELDS = [
  'quorumFraction',
  'votePeriodDays',
  'reminderLeadDays',
  'maxExtensions',
  'extensionDays',
  'packetLeadDays',
] as const;
export const MEMBER_FIELDS = ['id', 'name', 'email', 'seat'] as const;

/** The form's field names of `rows` member rows, from row 0. */
export const memberFieldNames = (rows: number) =>
  Array.from({ length: rows }, (_, row) => MEMBER_FIELDS.map((f) => `members.${row}.${f}`)).flat();

export const ruleFieldNames = RULE_FIELDS.map((f) => `decisionRule.${f}`);

export function groupFormBody(body: Record<string, unknown>) {
  const rows = (body.members ?? {}) as Record<string, Record<string, string>>;
  const kept = Object.keys(rows)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((row) => Object.keys(rows[row]!).length > 0);
  const members = kept.map((row) => rows[row]!);
  const rule = (body.decisionRule ?? {}) as Record<string, string>;
  const decisionRule = Object.fromEntries(
    Object.entries(rule).map(([name, value]) => [
      name,
      Number.isFinite(Number(value)) ? Number(value) : value,
    ]),
  );
  return {
    body: { ...body, members, decisionRule },
    formPath: (path: string) =>
      path.replace(/^members\.(\d+)/, (_m, i: string) => `members.${kept[Number(i)] ?? 0}`),
  };
}
