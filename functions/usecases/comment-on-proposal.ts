/**
 * Anyone comments on a proposal in consultation:
 * 1. the consultation must be open: status IN_CONSULTATION and its closing time not passed (409);
 * 2. a comment may target one fee item of the proposal (422 otherwise);
 * 3. an organisation named is credited only when the register holds it with the address's domain
 *    (the tier then needs the address verified too); otherwise it shows as self-declared;
 * 4. an e-mail given must be within its recipient limit (429 otherwise, before anything is stored),
 *    and the round within its cap of comments (422 COMMENT_CAP_REACHED);
 *    the comment is stored with its campaign fingerprint and the address gets a verification
 *    mail (the comment shows as unverified until the link is confirmed; a commenter who asked to be
 *    informed is mailed only once confirmed);
 * 5. the audit trail records it (without the commenter's e-mail).
 */
import { ulid } from 'ulid';
import { ConflictError, RuleViolationError } from '#domain/errors';
import type { CommentInput } from '#domain/consultation';
import { campaignKey, checkCommentTarget, COMMENT_LIMITS } from '#domain/consultation';
import { registeredOrganization } from '#domain/organization';
import type { ConsultationComment } from '#domain/records';
import type { Lang } from '#domain/common';
import { currentClock } from '#ports/clock';
import { commentRepository } from '#ports/comment-repository';
import { newAuditEvent } from '#ports/proposal-repository';
import { organizationRepository } from '#ports/registry-repository';
import { commentVerificationRepository } from '#ports/comment-verification-repository';
import { newSecret } from '#ports/secrets';
import { count, mailer } from '#ports/adapters';
import { BUSINESS_COUNTS } from '#ports/metrics';
import { commentVerificationMail } from '#templates/mail/consultation-mails';
import { scheduleCommentDigest } from './comment-digest.ts';
import { links } from './links.ts';
import { admitMailTo } from './rate-limits.ts';
import { recordOrUndo } from './update-proposal.ts';
import { loadPublicProposal } from './public-proposal.ts';

const VERIFICATION_VALID_MS = 7 * 86_400_000;

export async function commentOnProposal(
  proposalId: string,
  input: CommentInput,
  lang?: Lang,
): Promise<ConsultationComment> {
  const found = await loadPublicProposal(proposalId);
  const proposal = found.value;
  const now = currentClock().now();
  const consultation = proposal.consultation;
  if (
    proposal.status !== 'IN_CONSULTATION' ||
    !consultation ||
    now.getTime() >= Date.parse(consultation.closesAt)
  ) {
    throw new ConflictError(
      'CONSULTATION_CLOSED',
      'This proposal is not open for comments: its consultation has closed or not begun.',
    );
  }
  checkCommentTarget(input.itemId, proposal.items);
  if (input.author.email) await admitMailTo(input.author.email);
  if (!(await commentRepository.countComment(proposalId, consultation.round, COMMENT_LIMITS.perRound)))
    throw new RuleViolationError(
      'COMMENT_CAP_REACHED',
      `This consultation has taken the ${COMMENT_LIMITS.perRound} comments it can hold; add to a comment already made, or write to the agency.`,
    );

  const organization =
    input.author.organization && input.author.email
      ? registeredOrganization(input.author, await organizationRepository.list())
      : undefined;
  const comment: ConsultationComment = {
    id: ulid(now.getTime()),
    proposalId,
    proposalVersion: proposal.version,
    round: consultation.round,
    body: input.body,
    ...(input.itemId ? { itemId: input.itemId } : {}),
    author: input.author,
    emailVerified: false,
    ...(organization ? { organizationId: organization.id } : {}),
    campaignKey: campaignKey(input.body),
    receivedAt: now.toISOString(),
    ...(lang ? { lang } : {}),
    ...(input.notify && input.author.email ? { notify: true } : {}),
  };
  // Before the comment is stored: a digest scheduled for a comment that then failed finds nothing
  // new and sends nothing, while a comment stored without its digest would go unannounced.
  await scheduleCommentDigest(proposal, now);
  await commentRepository.addComment(comment);
  await recordOrUndo(
    newAuditEvent({
      proposalId,
      at: comment.receivedAt,
      actor: { kind: 'public' },
      type: 'COMMENT_RECEIVED',
      proposalVersion: proposal.version,
      detail: { commentId: comment.id, itemId: comment.itemId ?? null, round: comment.round },
    }),
    () => commentRepository.removeNewComment(proposalId, comment.id),
  );
  await count(BUSINESS_COUNTS.commentReceived);

  if (input.author.email) {
    const { secret, hash } = newSecret();
    const expiresAt = new Date(now.getTime() + VERIFICATION_VALID_MS).toISOString();
    await commentVerificationRepository.create(hash, { proposalId, commentId: comment.id, expiresAt });
    await (
      await mailer()
    ).send({
      to: [input.author.email],
      ...commentVerificationMail({
        proposalTitle: proposal.title,
        verifyUrl: links.commentVerification(secret),
        expiresAt,
        notify: comment.notify === true,
        ...(lang ? { lang } : {}),
      }),
      idempotencyKey: `verify-${comment.id}`,
    });
  }
  return comment;
}
