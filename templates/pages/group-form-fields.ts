/**
 * The advisory-group fields the console's register form and the group's edit page share: a
 * member's row (id, name, e-mail, seat) and the decision-rule settings, each hint naming the
 * default the domain gives an empty one.
 */
import type { DecisionRule } from '#domain/advisory-group';
import { SEAT_LABELS } from '../labels.ts';
import type { FieldSpec } from './form-fields.ts';

export const SEAT_OPTIONS = [
  { value: '', label: { zh: '（席次）', en: '(seat)' } },
  ...Object.entries(SEAT_LABELS).map(([value, label]) => ({ value, label })),
];

export const memberFields = (row: number): (FieldSpec & { options?: typeof SEAT_OPTIONS })[] => [
  { name: `members.${row}.id`, label: { zh: '代碼', en: 'Id' } },
  { name: `members.${row}.name`, label: { zh: '姓名', en: 'Name' } },
  { name: `members.${row}.email`, label: { zh: '電子郵件', en: 'E-mail' }, type: 'email' },
  { name: `members.${row}.seat`, label: { zh: '席次', en: 'Seat' }, options: SEAT_OPTIONS },
];

export const ruleFields = (defaults: DecisionRule): FieldSpec[] =>
  (
    [
      ['quorumFraction', { zh: '出席比例（0–1）', en: 'Quorum (share, 0–1)' }],
      ['votePeriodDays', { zh: '投票期間（日）', en: 'Vote period (days)' }],
      ['reminderLeadDays', { zh: '截止前提醒（日）', en: 'Reminder before the deadline (days)' }],
      [
        'maxExtensions',
        { zh: '未達出席比例時最多延長次數', en: 'Extensions when the quorum fails (at most)' },
      ],
      ['extensionDays', { zh: '每次延長（日）', en: 'Days per extension' }],
      [
        'packetLeadDays',
        { zh: '資料送達至少提前（日）', en: 'Packet at least this many days before the deadline' },
      ],
    ] as const
  ).map(([name, label]) => ({
    name: `decisionRule.${name}`,
    label,
    hint: { zh: `預設 ${defaults[name]}`, en: `Default ${defaults[name]}` },
  }));
