/**
 * Workflow step "Publish the consultation notice": mails the agency the notice, and the subscribers
 * to every new consultation and to the proposal's datasets the news, once per round.
 */
import { newConsultationTopics } from '#domain/subscription';
import { newConsultationMail } from '#templates/mail/subscription-mails';
import { topicKey } from '#ports/subscription-repository';
import { mailSubscribers, topicName } from './subscriptions.ts';
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
    const topics = newConsultationTopics(proposal.datasetIds);
    const names = new Map(
      await Promise.all(topics.map(async (t) => [topicKey(t), await topicName(t)] as const)),
    );
    await mailSubscribers(
      topics,
      (subscription, unsubscribeUrl) =>
        newConsultationMail({
          proposal,
          agencyName: agency.name,
          closesAt: consultation.closesAt,
          proposalUrl: links.proposal(proposal.id),
          topic: names.get(topicKey(subscription.topic))!,
          unsubscribeUrl,
          ...(subscription.lang ? { lang: subscription.lang } : {}),
        }),
      `new-consultation-${proposal.id}-v${input.version}-r${input.round}`,
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
