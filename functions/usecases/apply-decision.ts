/**
 * Workflow step "Carry out the decision" (idempotent):
 * 1. the vote closes first, with one conditional write: no ballot can be counted after it; then
 *    the votes are read and the decision is recorded with the tally and every member's position
 *    by name, and published as a bilingual PDF;
 * 2. UNDER_REVIEW → APPROVED | REJECTED | CHANGES_REQUESTED | NOT_DECIDED (no quorum or majority);
 * 3. approved: the schedule is published on its datasets with its review-by date, and takes
 *    effect at 00:00 Taipei time on its effective date (a deadline on the clock);
 * 4. the agency is mailed the outcome and what happens next, each member the outcome with their
 *    own vote, and each follower of the proposal the outcome; all link the decision's page.
 * Steps 3 and 4 run again when the step is retried after the decision was recorded (a throttled
 * mail, a timeout): what they did already is not done twice (deadlines by name, mails by key),
 * and what they had not done yet is done.
 */
import { ConflictError } from '#domain/errors';
import { reviewByDate } from '#domain/fee-rules';
import { nextStatus } from '#domain/proposal-status';
import type { ProposalEvent } from '#domain/proposal-status';
import type { DecisionOutcome, DecisionRecord } from '#domain/records';
import type { TallyOutcome } from '#domain/vote-tally';
import { currentClock } from '#ports/clock';
import { proposalRepository } from '#ports/proposal-repository';
import { deadlineName } from '#ports/scheduler';
import { blobStore, mailer, scheduler } from '#ports/adapters';
import type { ProposalRecord } from '#ports/proposal-repository';
import { renderDecisionRecord } from '#templates/pdf/decision-record';
import { decisionMail, memberOutcomeMail } from '#templates/mail/vote-mails';
import { decisionToCommenterMail } from '#templates/mail/commenter-mails';
import { systemActor } from './actors.ts';
import { sha256 } from './consultation-report.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { scheduleTakingEffect } from './take-effect.ts';
import { voteRepository } from '#ports/vote-repository';
import { tallyOf } from './vote-tally.ts';
import { updateProposal } from './update-proposal.ts';
import { feeLawStepsRequired, reviewIntervalYears } from './settings.ts';
import { decisionRecordView } from './decision-view.ts';
import { informFollowers } from './inform-commenters.ts';
import { reviewingGroup } from './reviewing-group.ts';

const OUTCOMES: Record<TallyOutcome, { outcome: DecisionOutcome; event: ProposalEvent }> = {
  APPROVED: { outcome: 'APPROVED', event: 'APPROVE' },
  REJECTED: { outcome: 'REJECTED', event: 'REJECT' },
  CHANGES_REQUESTED: { outcome: 'CHANGES_REQUESTED', event: 'REQUEST_CHANGES' },
  NO_QUORUM: { outcome: 'NOT_DECIDED', event: 'NOT_DECIDE' },
  NO_MAJORITY: { outcome: 'NOT_DECIDED', event: 'NOT_DECIDE' },
};

export const decisionPdfKey = (proposalId: string, version: number) =>
  `decisions/${proposalId}/version-${version}.pdf`;

export async function applyDecision(input: {
  proposalId: string;
  version: number;
  round: number;
  outcome: string;
}) {
  const found = await proposalRepository.get(input.proposalId);
  if (!found) throw new ConflictError('PROPOSAL_MISSING', `Proposal ${input.proposalId} is gone.`);
  const current = found.value;
  if (current.decision?.version === input.version) return carryOut(current, input);
  if (current.status !== 'UNDER_REVIEW' || !current.review) return { status: current.status };
  if (!OUTCOMES[input.outcome as TallyOutcome])
    throw new ConflictError('UNKNOWN_OUTCOME', `The vote ended with an unknown outcome '${input.outcome}'.`);

  const review = current.review;
  const now = currentClock().now().toISOString();
  const vote = await voteRepository.close(current.id, input.version, now);
  const tally = tallyOf(review, vote, true);
  // The votes as closed decide; a vote that landed between the release and the close counts too.
  const tallyOutcome = tally.outcome ?? (input.outcome as TallyOutcome);
  const mapping = OUTCOMES[tallyOutcome];
  const decision: DecisionRecord = {
    version: input.version,
    outcome: mapping.outcome,
    tallyOutcome,
    tally: {
      seats: tally.seats,
      recused: tally.recused,
      cast: tally.cast,
      quorum: tally.quorum,
      quorumMet: tally.quorumMet,
      counts: tally.counts,
    },
    positions: review.members.map((m) => {
      const cast = vote.votes[m.id];
      return {
        memberId: m.id,
        name: m.name,
        seat: m.seat,
        decision: cast?.decision ?? null,
        ...(cast ? { reason: cast.reason, castAt: cast.castAt } : {}),
      };
    }),
    decidedAt: now,
    itemsReviewed: current.items,
    ...(mapping.outcome === 'APPROVED'
      ? {
          effectiveFrom: current.effectiveFrom,
          reviewBy: reviewByDate(current.effectiveFrom, reviewIntervalYears),
        }
      : {}),
  };
  const pdf = await renderDecisionRecord(await decisionRecordView(current, decision));
  const pdfKey = decisionPdfKey(current.id, input.version);
  await (await blobStore()).put(pdfKey, pdf, 'application/pdf');

  const { proposal } = await updateProposal(current.id, (latest) => {
    if (latest.decision?.version === input.version || latest.status !== 'UNDER_REVIEW') return undefined;
    return {
      next: {
        ...latest,
        status: nextStatus(latest.status, mapping.event),
        review: { ...latest.review!, closed: true },
        decision: { ...decision, pdfKey, pdfSha256: sha256(pdf) },
        ...(decision.reviewBy ? { reviewBy: decision.reviewBy } : {}),
      },
      event: {
        type: `DECIDED_${mapping.outcome}`,
        actor: systemActor,
        detail: { tally: decision.tally, outcome: tallyOutcome },
      },
    };
  });
  // Recorded by this attempt or by another one of the same step: either way it is carried out.
  if (proposal.decision?.version !== input.version) return { status: proposal.status };
  return carryOut(proposal, input);
}

/** What follows a recorded decision (steps 3 and 4); each part idempotent, so it may run again. */
async function carryOut(proposal: ProposalRecord, input: { version: number; round: number }) {
  const decision = proposal.decision!;
  const schedule = await scheduler();
  const base = { proposalId: proposal.id, version: input.version, round: input.round };
  await schedule.cancel(deadlineName({ kind: 'VOTE_DEADLINE', ...base }));
  await schedule.cancel(deadlineName({ kind: 'VOTE_REMINDER', ...base }));
  // The group recommends; under 規費法 §10 the agency publishes the schedule only with its
  // announcement (record-fee-law-step.ts). Without those steps it is published now.
  if (proposal.status === 'APPROVED' && !feeLawStepsRequired())
    await scheduleTakingEffect(proposal, 'APPROVED');
  await mailAgency(
    proposal.agencyId,
    decisionMail({
      proposal: { title: proposal.title, id: proposal.id },
      outcome: decision.outcome,
      tally: { ...decision.tally },
      positions: decision.positions.map((p) => ({
        name: p.name,
        seat: p.seat,
        decision: p.decision,
        ...(p.reason ? { reason: p.reason } : {}),
      })),
      decisionUrl: links.decision(proposal.id),
      ...(decision.effectiveFrom
        ? {
            effectiveFrom: decision.effectiveFrom,
            reviewBy: decision.reviewBy,
            feeLawSteps: feeLawStepsRequired(),
          }
        : {}),
    }),
    `decision-${proposal.id}-v${input.version}`,
  );
  await mailMembersTheOutcome(proposal, decision);
  await informFollowers(
    proposal.id,
    (follower, unsubscribeUrl) =>
      decisionToCommenterMail({
        proposalTitle: proposal.title,
        outcome: decision.outcome,
        decisionUrl: links.decision(proposal.id),
        unsubscribeUrl,
        ...(follower.lang ? { lang: follower.lang } : {}),
      }),
    `decision-${proposal.id}-v${input.version}`,
  );
  return { status: proposal.status };
}

/** Each member who was asked to vote, at the address the group now holds for them. */
async function mailMembersTheOutcome(proposal: ProposalRecord, decision: DecisionRecord) {
  const group = await reviewingGroup(proposal.agencyId);
  const emailOf = new Map(group.members.map((m) => [m.id, m.email]));
  const send = await mailer();
  for (const position of decision.positions) {
    const email = emailOf.get(position.memberId);
    if (!email) continue;
    await send.send({
      to: [email],
      ...memberOutcomeMail({
        member: { name: position.name },
        proposal: { title: proposal.title, id: proposal.id },
        outcome: decision.outcome,
        tally: { ...decision.tally },
        position: position.decision,
        decisionUrl: links.decision(proposal.id),
      }),
      idempotencyKey: `outcome-${proposal.id}-v${decision.version}-${position.memberId}`,
    });
  }
}
