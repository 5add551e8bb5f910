/** A comment as the public sees it: its tier and campaign group, never the commenter's e-mail. */
import { identityTier, organizationSelfDeclared } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';

export function publicComment(comment: ConsultationComment) {
  const { email: _email, ...author } = comment.author;
  return {
    id: comment.id,
    round: comment.round,
    proposalVersion: comment.proposalVersion,
    receivedAt: comment.receivedAt,
    itemId: comment.itemId ?? null,
    body: comment.body,
    author,
    tier: identityTier(comment),
    organizationSelfDeclared: organizationSelfDeclared(comment),
    campaignKey: comment.campaignKey,
    disposition: comment.disposition
      ? {
          disposition: comment.disposition.disposition,
          reply: comment.disposition.reply,
          answeredAt: comment.disposition.answeredAt,
        }
      : null,
  };
}
