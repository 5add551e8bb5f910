/** Workflow step "Publish the consultation notice": mails the agency the notice, once per round. */
import { agencyRepository } from '#ports/registry-repository';
import { consultationNoticeMail } from '#templates/mail/consultation-mails';
import { links } from './links.ts';
import { mailAgency } from './mail-agency.ts';
import { loadProposal, superseded, type StepInput } from './review-step.ts';
import { updateProposal } from './update-proposal.ts';
import { systemActor } from './actors.ts';

export async function publishConsultationNotice(input: StepInput) {
  const proposal = await loadProposal(input);
  if (superseded(proposal, input) || proposal.noticePublishedAt) return { status: proposal.status };
  const agency = await agencyRepository.get(proposal.agencyId);
  const consultation = proposal.consultation!;
  if (agency) {
    await mailAgency(
      proposal.agencyId,
      consultationNoticeMail({
        proposal,
        agency,
        opensAt: consultation.opensAt,
        closesAt: consultation.closesAt,
        proposalUrl: links.proposal(proposal.id),
        commentUrl: links.commentForm(proposal.id),
      }),
      `notice-${proposal.id}-v${input.version}-r${input.round}`,
    );
  }
  const { proposal: updated } = await updateProposal(input.proposalId, (current, now) =>
    current.noticePublishedAt
      ? undefined
      : {
          next: { ...current, noticePublishedAt: now.toISOString() },
          event: { type: 'NOTICE_PUBLISHED', actor: systemActor, detail: { round: input.round } },
        },
  );
  return { status: updated.status };
}
