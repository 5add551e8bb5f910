/**
 * Workflow step "Open the advisory vote" (idempotent):
 * 1. find the reviewing group (the second-level parent's) and record the vote: members, rule,
 *    deadline = now + vote period (the packet goes out now, so at least the packet lead time ahead);
 * 2. the vote record opens (ballots are counted on it until the decision closes it);
 *    one ballot per member, each with its own secret link, mailed with the review packet;
 *    a ballot created but not yet mailed (a crash in between) gets a fresh link and is mailed;
 *    a revised version's packet says so in its subject and lists what changed in the fee table
 *    since the version the group asked to change;
 * 3. schedule the vote deadline and the reminder.
 */
import type { Ballot } from '#domain/ballot';
import { ConflictError } from '#domain/errors';
import type { ReviewState } from '#domain/records';
import { ballotRepository } from '#ports/ballot-repository';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { voteRepository } from '#ports/vote-repository';
import type { ProposalRecord } from '#ports/proposal-repository';
import { agencyRepository } from '#ports/registry-repository';
import { deadlineName } from '#ports/scheduler';
import { mailer, scheduler } from '#ports/adapters';
import { votePacketMail, type PacketRevision } from '#templates/mail/vote-mails';
import { feeTableChanges, isMaterialRevision, type FeeItem } from '#domain/fee-proposal';
import { reviewedFeeItem } from './fee-item-view.ts';
import { systemActor } from './actors.ts';
import { links } from './links.ts';
import { reviewingGroup } from './reviewing-group.ts';
import { updateProposal } from './update-proposal.ts';
import { issueLink, markLinkMailed } from './vote-links.ts';

const DAY = 86_400_000;

interface StepInput {
  proposalId: string;
  version: number;
  round: number;
}

export async function packetProposal(proposal: ProposalRecord) {
  const agency = await agencyRepository.get(proposal.agencyId);
  return {
    id: proposal.id,
    title: proposal.title,
    agencyName: agency?.name ?? { zh: proposal.agencyId, en: proposal.agencyId },
    version: proposal.version,
    legalBasis: proposal.legalBasis,
    effectiveFrom: proposal.effectiveFrom,
    items: proposal.items.map(reviewedFeeItem),
    reductions: proposal.reductions,
  };
}

/** For a version revised after the group asked for changes: the version before and what changed. */
export function packetRevision(proposal: ProposalRecord): PacketRevision | undefined {
  const last = proposal.decision;
  if (!last || last.version >= proposal.version) return undefined;
  const before = { items: last.itemsReviewed as FeeItem[] };
  return {
    previousVersion: last.version,
    reconsulted: isMaterialRevision(before, proposal),
    changes: feeTableChanges(before.items, proposal.items),
  };
}

export async function scheduleVoteDeadlines(proposalId: string, review: ReviewState) {
  const schedule = await scheduler();
  const base = { proposalId, version: review.version, round: review.round };
  const deadline = { kind: 'VOTE_DEADLINE' as const, ...base };
  await schedule.schedule({ name: deadlineName(deadline), at: review.deadline, payload: deadline });
  const reminderAt = Date.parse(review.deadline) - review.rule.reminderLeadDays * DAY;
  if (review.rule.reminderLeadDays > 0 && reminderAt > currentClock().now().getTime()) {
    const reminder = { kind: 'VOTE_REMINDER' as const, ...base };
    await schedule.schedule({
      name: deadlineName(reminder),
      at: new Date(reminderAt).toISOString(),
      payload: reminder,
    });
  }
}

export async function openVote(input: StepInput) {
  const found = await proposalRepository.get(input.proposalId);
  if (!found) throw new ConflictError('PROPOSAL_MISSING', `Proposal ${input.proposalId} is gone.`);
  if (found.value.status !== 'UNDER_REVIEW' || found.value.version !== input.version) return { ballots: 0 };

  const group = await reviewingGroup(found.value.agencyId);
  const { proposal } = await updateProposal(input.proposalId, (current, now) => {
    if (current.review?.version === input.version) return undefined;
    const deadline = new Date(now.getTime() + group.decisionRule.votePeriodDays * DAY).toISOString();
    const review: ReviewState = {
      version: input.version,
      round: input.round,
      groupId: group.id,
      groupName: group.name,
      members: group.members.map((m) => ({ id: m.id, name: m.name, seat: m.seat })),
      rule: group.decisionRule,
      opensAt: now.toISOString(),
      deadline,
      originalDeadline: deadline,
      extensions: [],
      closed: false,
    };
    return {
      next: { ...current, review },
      event: {
        type: 'VOTE_OPENED',
        actor: systemActor,
        detail: { groupId: group.id, deadline, members: review.members.length },
      },
    };
  });
  const review = proposal.review!;
  await voteRepository.open(input.proposalId, input.version);
  const emailOf = new Map(group.members.map((m) => [m.id, m.email]));
  const packet = await packetProposal(proposal);
  const revision = packetRevision(proposal);
  const send = await mailer();

  for (const member of review.members) {
    let ballot = await ballotRepository.get(input.proposalId, input.version, member.id);
    if (!ballot) {
      const fresh: Ballot = {
        proposalId: input.proposalId,
        version: input.version,
        memberId: member.id,
        memberName: member.name,
        seat: member.seat,
        secretHash: '',
        issuedAt: currentClock().now().toISOString(),
      };
      try {
        await ballotRepository.create(fresh);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      ballot = await ballotRepository.get(input.proposalId, input.version, member.id);
    }
    if (!ballot || ballot.value.mailedAt) continue;
    const { ballot: linked, url, hash } = await issueLink(ballot, review.deadline);
    const email = emailOf.get(member.id);
    if (email) {
      await send.send({
        to: [email],
        ...votePacketMail({
          member: { name: member.name },
          groupName: review.groupName,
          proposal: packet,
          ...(revision ? { revision } : {}),
          ballotUrl: url,
          proposalUrl: links.proposal(proposal.id),
          reportUrl: links.report(proposal.id),
          deadline: review.deadline,
        }),
        idempotencyKey: `packet-${hash}`,
      });
    }
    await markLinkMailed(linked, (b) => ({ ...b, mailedAt: currentClock().now().toISOString() }));
  }
  await scheduleVoteDeadlines(input.proposalId, review);
  return { ballots: review.members.length };
}
