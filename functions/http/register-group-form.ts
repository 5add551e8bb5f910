/**
 * POST /operator/advisory-groups: the console's form that registers an advisory group with its
 * members and decision rule (registerAdvisoryGroup, as POST /advisory-groups). Member rows left
 * empty are left out; a member's refusal points at its row's field.
 */
import { AdvisoryGroupSchema } from '#domain/advisory-group';
import { registerAdvisoryGroup } from '#usecases/register-advisory-group';
import { MEMBER_ROWS } from '#templates/pages/operator-console';
import { FormBody } from './form-body.ts';
import { consoleFormPost } from './operator-console-form.ts';
import { workspaceHandler } from './workspace-handler.ts';

const RULE = [
  'quorumFraction',
  'votePeriodDays',
  'reminderLeadDays',
  'maxExtensions',
  'extensionDays',
  'packetLeadDays',
];
const MEMBER = ['id', 'name', 'email', 'seat'];

const FIELDS = [
  'id',
  'agencyId',
  'name.zh',
  'name.en',
  ...Array.from({ length: MEMBER_ROWS }, (_, row) => MEMBER.map((f) => `members.${row}.${f}`)).flat(),
  ...RULE.map((f) => `decisionRule.${f}`),
];

/** Rows as a list (an empty row dropped, the rows' numbering kept for the messages), numbers as numbers. */
function shape(body: Record<string, unknown>) {
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

export const handler = workspaceHandler(
  { access: 'workspace-operator', body: FormBody },
  async ({ body, session }) =>
    consoleFormPost(
      {
        form: 'group',
        fields: FIELDS,
        schema: AdvisoryGroupSchema,
        shape,
        run: (group) => registerAdvisoryGroup(group),
      },
      { body, session },
    ),
);
