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

/** A vote open on a proposal, as the group's edit sees it: who holds a ballot in it. */
export interface OpenVoteRoll {
  proposalId: string;
  members: readonly { id: string; name: string }[];
}

/**
 * While a vote is open, its ballots are keyed by member id and its reminders and extensions mail a
 * fresh link to whoever the group lists under that id. So a member who holds an open ballot stays,
 * under the same id and name, until the vote closes: removed (or given another id), their ballot
 * would get no reminder; renamed, the row could be handed to someone else, who would be mailed a
 * link to vote in their place. Their address may change (the next mail goes to it), as may their seat.
 */
export function assertOpenBallotsKept(
  stored: AdvisoryGroup,
  next: AdvisoryGroup,
  votes: readonly OpenVoteRoll[],
): void {
  const problems: ErrorDetail[] = [];
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const vote of votes) {
    for (const held of vote.members) {
      if (seen.has(held.id)) continue;
      seen.add(held.id);
      const name = stored.members.find((m) => m.id === held.id)?.name ?? held.name;
      const at = next.members.findIndex((m) => m.id === held.id);
      if (at === -1) removed.push(`${name}（${held.id}，${vote.proposalId}）`);
      else if (next.members[at]!.name !== name)
        problems.push(
          detail(`members.${at}.name`, 'MEMBER_HOLDS_OPEN_BALLOT', {
            zh: `「${name}」在提案 ${vote.proposalId} 進行中的投票持有選票，投票結束前不能更改姓名（可更改電子郵件）。`,
            en: `${name} holds a ballot in the open vote on ${vote.proposalId}: the name stays until the vote closes (the e-mail may change).`,
          }),
        );
    }
  }
  // One message for every member left out: their rows are no longer on the form to point at.
  if (removed.length > 0)
    problems.unshift(
      detail('members', 'MEMBER_HOLDS_OPEN_BALLOT', {
        zh: `下列委員在進行中的投票持有選票，投票結束前不能移除或更改代碼：${removed.join('、')}。`,
        en: `These members hold ballots in an open vote and stay, under the same id, until it closes: ${removed.join(', ')}.`,
      }),
    );
  if (problems.length > 0) {
    throw new RuleViolationError(
      'MEMBER_HOLDS_OPEN_BALLOT',
      `Advisory group '${stored.id}' has members holding ballots in an open vote.`,
      problems,
    );
  }
}
