/**
 * The vote's deadlines and the approved schedule's effective date:
 * - VOTE_DEADLINE: the tally becomes final; without a quorum the deadline moves once (as the
 *   group's rule allows) and members who have not voted get a fresh link; otherwise the
 *   workflow's wait is released with the outcome.
 * - VOTE_REMINDER: members who have not voted get a fresh link and a reminder.
 * - SCHEDULE_TAKES_EFFECT: APPROVED → EFFECTIVE on the effective date.
 */
import type { DeadlineKind, DeadlinePayload } from '#ports/scheduler';
import type { ProposalRecord } from '#ports/proposal-repository';
import { ballotRepository } from '#ports/ballot-repository';
import { voteRepository } from '#ports/vote-repository';
import { currentClock } from '#ports/clock';
import { advisoryGroupRepository } from '#ports/registry-repository';
import { mailer } from '#ports/adapters';
import { voteExtendedMail, voteReminderMail } from '#templates/mail/vote-mails';
import { reviewReminderMail } from '#templates/mail/fee-law-mails';
import type { DeadlineHandler as Handler } from './deadline-handler.ts';
import { systemActor } from './actors.ts';
import { currentTally } from './vote-tally.ts';
import { extendsAtDeadline } from '#domain/vote-tally';
import { releaseWaitingStep } from './workflow-steps.ts';
import { updateProposal } from './update-proposal.ts';
import { scheduleVoteDeadlines } from './open-vote.ts';
import { issueLink, markLinkMailed } from './vote-links.ts';
import { takeEffect } from './take-effect.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';

const DAY = 86_400_000;

function openVoteOf(proposal: ProposalRecord, deadline: DeadlinePayload) {
  const review = proposal.review;
  if (proposal.status !== 'UNDER_REVIEW' || !review || review.closed || review.version !== deadline.version)
    return undefined;
  return review;
}

/**
 * Mails every member who has not voted a fresh personal link, once per occasion: the ballot
 * records the occasion after its mail went out. A fresh link replaces the one mailed before, so
 * each mail is keyed by its own link: a retry that issues another link mails that one.
 */
async function remindNonVoters(
  proposal: ProposalRecord,
  compose: (member: { name: string }, url: string) => { subject: string; text: string },
  occasion: string,
) {
  const review = proposal.review!;
  const group = await advisoryGroupRepository.get(review.groupId);
  const emailOf = new Map(group?.members.map((m) => [m.id, m.email]));
  const send = await mailer();
  const voted = (await voteRepository.get(proposal.id, review.version))?.votes ?? {};
  for (const ballot of await ballotRepository.listForVersion(proposal.id, review.version)) {
    const email = emailOf.get(ballot.value.memberId);
    if (ballot.value.cast || voted[ballot.value.memberId] || !email) continue;
    if (ballot.value.remindedFor?.includes(occasion)) continue;
    const { ballot: linked, url, hash } = await issueLink(ballot, review.deadline);
    await send.send({
      to: [email],
      ...compose({ name: ballot.value.memberName }, url),
      idempotencyKey: `${occasion}-${hash}`,
    });
    await markLinkMailed(linked, (b) => ({ ...b, remindedFor: [...(b.remindedFor ?? []), occasion] }));
  }
}

/** A moved deadline: its schedules, and a fresh link to each member yet to vote (once each). */
async function followExtension(extended: ProposalRecord) {
  const r = extended.review!;
  await scheduleVoteDeadlines(extended.id, r);
  await remindNonVoters(
    extended,
    (member, url) =>
      voteExtendedMail({
        member,
        proposalTitle: extended.title,
        ballotUrl: url,
        deadline: r.deadline,
        reason: r.extensions.at(-1)!.reason,
      }),
    `extended-${extended.id}-v${r.version}-${r.extensions.length}`,
  );
}

const voteDeadline: Handler = async (proposal, deadline) => {
  const review = openVoteOf(proposal, deadline);
  if (!review) return 'NOTHING_TO_DO';
  const now = currentClock().now();
  if (now.getTime() < Date.parse(review.deadline)) {
    // Fired again after it moved the deadline (retried after a failed mail, or the schedule of
    // the deadline it moved): what the move starts is finished, each part once.
    if (review.extensions.length > 0) await followExtension(proposal);
    return 'NOT_YET';
  }
  const { tally } = await currentTally(proposal.id, review, true);
  if (extendsAtDeadline(tally, review)) {
    const { proposal: extended } = await updateProposal(proposal.id, (current) => {
      const r = current.review;
      if (!r || r.deadline !== review.deadline) return undefined; // someone extended already
      const next = new Date(Date.parse(r.deadline) + r.rule.extensionDays * DAY).toISOString();
      const reason = `Quorum not reached by the deadline (${tally.cast} of ${tally.quorum} needed votes).`;
      return {
        next: {
          ...current,
          review: {
            ...r,
            deadline: next,
            extensions: [...r.extensions, { deadline: next, at: now.toISOString(), reason }],
          },
        },
        event: {
          type: 'VOTE_EXTENDED',
          actor: systemActor,
          detail: { from: r.deadline, to: next, cast: tally.cast, quorum: tally.quorum },
        },
      };
    });
    if (extended.review?.deadline !== review.deadline) await followExtension(extended);
    return 'NOT_YET';
  }
  return (await releaseWaitingStep(proposal.id, 'VOTE', { outcome: tally.outcome }))
    ? 'RELEASED'
    : 'NOTHING_TO_DO';
};

const voteReminder: Handler = async (proposal, deadline) => {
  const review = openVoteOf(proposal, deadline);
  if (!review || currentClock().now().getTime() >= Date.parse(review.deadline)) return 'NOTHING_TO_DO';
  await remindNonVoters(
    proposal,
    (member, url) =>
      voteReminderMail({ member, proposalTitle: proposal.title, ballotUrl: url, deadline: review.deadline }),
    `reminder-${proposal.id}-v${review.version}-${review.deadline}`,
  );
  return 'RELEASED';
};

const scheduleTakesEffect: Handler = async (proposal) =>
  (await takeEffect(proposal.id)) ? 'RELEASED' : 'NOTHING_TO_DO';

/** 90 days before the review-by date: the agency is told to review the schedule (規費法 §11). */
const reviewReminder: Handler = async (proposal) => {
  if (proposal.status !== 'EFFECTIVE' && proposal.status !== 'ANNOUNCED') return 'NOTHING_TO_DO';
  if (!proposal.reviewBy) return 'NOTHING_TO_DO';
  await mailAgency(
    proposal.agencyId,
    reviewReminderMail({
      proposal: { id: proposal.id, title: proposal.title },
      reviewBy: proposal.reviewBy,
      proposalUrl: links.proposal(proposal.id),
    }),
    `review-reminder-${proposal.id}-${proposal.reviewBy}`,
  );
  return 'RELEASED';
};

export const voteDeadlineHandlers: Record<
  Exclude<DeadlineKind, 'CONSULTATION_CLOSES' | 'COMMENT_DIGEST'>,
  Handler
> = {
  VOTE_DEADLINE: voteDeadline,
  VOTE_REMINDER: voteReminder,
  SCHEDULE_TAKES_EFFECT: scheduleTakesEffect,
  REVIEW_REMINDER: reviewReminder,
};
