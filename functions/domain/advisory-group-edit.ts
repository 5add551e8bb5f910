/**
 * What the operator may change when editing a registered advisory group: its names, its members
 * (addresses, seats, joining and leaving) and its decision rule. The id and the agency are the
 * group's identity (reviews record the group's id; the agency's reviews find it by the agency), so
 * they stay. A group has exactly one convener, the seat that chairs its meetings, whether it is
 * registered or edited (assertOneConvener).
 */
import type { AdvisoryGroup } from './advisory-group.ts';
import { RuleViolationError, ValidationError, type ErrorDetail } from './errors.ts';

const detail = (path: string, rule: string, messages: { zh: string; en: string }): ErrorDetail => ({
  path,
  rule,
  message: messages.en,
  messages,
});

/** Where the members break the one-convener rule: each convener after the first, or the first seat when none. */
export function convenerProblems(members: AdvisoryGroup['members']): ErrorDetail[] {
  const conveners = members.flatMap((m, i) => (m.seat === 'CONVENER' ? [i] : []));
  if (conveners.length === 0)
    return [
      detail('members.0.seat', 'ONE_CONVENER', {
        zh: '小組須有一位召集人；請將一位委員的席次設為召集人。',
        en: 'The group needs one convener; give one member the convener seat.',
      }),
    ];
  return conveners.slice(1).map((i) =>
    detail(`members.${i}.seat`, 'ONE_CONVENER', {
      zh: `小組只能有一位召集人；委員 ${conveners[0]! + 1} 已是召集人。`,
      en: `The group has one convener only; member ${conveners[0]! + 1} is the convener already.`,
    }),
  );
}

export function assertAdvisoryGroupEdit(stored: AdvisoryGroup, next: AdvisoryGroup): void {
  if (next.id !== stored.id) {
    throw new ValidationError(`The body names group '${next.id}', the path '${stored.id}'.`, [
      detail('id', 'GROUP_ID_FIXED', {
        zh: '小組代碼不能變更。',
        en: 'A group keeps its id.',
      }),
    ]);
  }
  if (next.agencyId !== stored.agencyId) {
    throw new RuleViolationError(
      'GROUP_AGENCY_FIXED',
      `Advisory group '${stored.id}' advises agency '${stored.agencyId}'.`,
      [
        detail('agencyId', 'GROUP_AGENCY_FIXED', {
          zh: '小組所屬的機關不能變更。',
          en: 'A group stays with the agency it advises.',
        }),
      ],
    );
  }
  assertOneConvener(next);
}

/** A group, registered or edited, has exactly one convener (its agency's CIO chairs it). */
export function assertOneConvener(group: Pick<AdvisoryGroup, 'id' | 'members'>): void {
  const conveners = convenerProblems(group.members);
  if (conveners.length > 0) {
    throw new RuleViolationError(
      'ONE_CONVENER',
      `Advisory group '${group.id}' must have exactly one convener.`,
      conveners,
    );
  }
}
