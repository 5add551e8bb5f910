/**
 * The agency extends an open consultation:
 * 1. the caller must act for the proposal's agency; the proposal must be IN_CONSULTATION;
 * 2. the new closing time must be later than the current one, in the future, and the
 *    consultation not yet closed (a closed one reopens only as a new round), and all extensions
 *    together at most CONSULTATION_MAX_EXTENSION_DAYS (default 180) past the first closing date;
 * 3. the extension is recorded publicly with its reason, the closing deadline moves with it, and
 *    the agency is mailed the public notice of the extension, and so is each follower of the
 *    proposal (commenters who asked to be informed among them).
 */
import { ConflictError } from '#domain/errors';
import type { ExtensionInput } from '#domain/consultation';
import { checkExtension, checkExtensionTotal } from '#domain/consultation';
import type { Principal } from '#domain/principal';
import type { ProposalRecord } from '#ports/proposal-repository';
import { agencyRepository } from '#ports/registry-repository';
import { deadlineName } from '#ports/scheduler';
import { mailer, scheduler } from '#ports/adapters';
import { consultationExtendedMail } from '#templates/mail/consultation-mails';
import { consultationExtendedToCommenterMail } from '#templates/mail/commenter-mails';
import { actorOf } from './actors.ts';
import { links } from './links.ts';
import { updateProposal } from './update-proposal.ts';
import { maxExtensionDays } from './settings.ts';
import { loadOwnProposal } from './public-proposal.ts';
import { informFollowers } from './inform-commenters.ts';

export async function extendConsultation(
  proposalId: string,
  input: ExtensionInput,
  principal: Principal | undefined,
): Promise<ProposalRecord> {
  await loadOwnProposal(proposalId, principal);

  const { proposal } = await updateProposal(proposalId, (current, now) => {
    const consultation = current.consultation;
    if (current.status !== 'IN_CONSULTATION' || !consultation) {
      throw new ConflictError('CONSULTATION_CLOSED', 'Only an open consultation can be extended.');
    }
    checkExtension(consultation.closesAt, input.closesAt, now);
    checkExtensionTotal(
      consultation.extensions[0]?.previousClosesAt ?? consultation.closesAt,
      input.closesAt,
      maxExtensionDays,
    );
    const closesAt = new Date(input.closesAt).toISOString();
    return {
      next: {
        ...current,
        consultation: {
          ...consultation,
          closesAt,
          extensions: [
            ...consultation.extensions,
            {
              previousClosesAt: consultation.closesAt,
              closesAt,
              reason: input.reason,
              at: now.toISOString(),
            },
          ],
        },
      },
      event: {
        type: 'CONSULTATION_EXTENDED',
        actor: actorOf(principal),
        detail: { from: consultation.closesAt, to: closesAt, reason: input.reason },
      },
    };
  });

  const consultation = proposal.consultation!;
  const payload = {
    kind: 'CONSULTATION_CLOSES' as const,
    proposalId,
    version: proposal.version,
    round: consultation.round,
  };
  await (await scheduler()).schedule({ name: deadlineName(payload), at: consultation.closesAt, payload });

  const agency = await agencyRepository.get(proposal.agencyId);
  if (agency?.contactEmail) {
    await (
      await mailer()
    ).send({
      to: [agency.contactEmail],
      ...consultationExtendedMail({
        proposal,
        closesAt: consultation.closesAt,
        reason: input.reason,
        proposalUrl: links.proposal(proposalId),
      }),
      idempotencyKey: `extended-${proposalId}-${consultation.closesAt}`,
    });
  }
  await informFollowers(
    proposalId,
    (follower, unsubscribeUrl) =>
      consultationExtendedToCommenterMail({
        proposalTitle: proposal.title,
        closesAt: consultation.closesAt,
        reason: input.reason,
        proposalUrl: links.proposal(proposalId),
        unsubscribeUrl,
        ...(follower.lang ? { lang: follower.lang } : {}),
      }),
    `extended-${proposalId}-${consultation.closesAt}`,
  );
  return proposal;
}
