/**
 * Workflow step "Close the consultation": IN_CONSULTATION → AWAITING_RESPONSES and tell the agency
 * what to answer. Retried after the close was recorded (a throttled mail), it mails the agency
 * again: the mail's key lets it out once (mailer-once.ts).
 */
import { awaitsAnswer } from '#domain/consultation';
import { nextStatus } from '#domain/proposal-status';
import { consultationClosedMail } from '#templates/mail/consultation-mails';
import { systemActor } from './actors.ts';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { roundComments } from './round-comments.ts';
import { superseded, type StepInput } from './review-step.ts';
import { updateProposal } from './update-proposal.ts';

export async function closeConsultation(input: StepInput) {
  const { proposal } = await updateProposal(input.proposalId, (current) => {
    if (current.status !== 'IN_CONSULTATION' || superseded(current, input)) return undefined;
    return {
      next: { ...current, status: nextStatus(current.status, 'CLOSE_CONSULTATION') },
      event: { type: 'CONSULTATION_CLOSED', actor: systemActor, detail: { round: input.round } },
    };
  });
  if (proposal.status !== 'AWAITING_RESPONSES' || superseded(proposal, input))
    return { status: proposal.status };
  // Counted a page at a time: the mail needs two numbers, not the comments.
  let commentCount = 0;
  let pending = 0;
  for await (const comment of roundComments(input.proposalId, input.round)) {
    commentCount += 1;
    if (awaitsAnswer(comment)) pending += 1;
  }
  await mailAgency(
    proposal.agencyId,
    consultationClosedMail({
      proposal,
      commentCount,
      pending,
      proposalUrl: links.proposal(proposal.id),
    }),
    `closed-${proposal.id}-v${input.version}-r${input.round}`,
  );
  return { status: proposal.status };
}
