/**
 * What the page of a refused comment shows besides the form as posted: the proposal's title, the
 * items a comment may be about and when the consultation closes (a draft is not known: 404).
 */
import { COMMENT_LABELS, CommentInputSchema } from '#domain/consultation';
import { fieldLimitsOf } from '#domain/field-limits';
import type { RefusedCommentView } from '#templates/pages/comment-refused';
import type { FormState } from '#templates/pages/form-fields';
import { pagePaths } from './page-paths.ts';
import { loadPublicProposal } from './public-proposal.ts';

export async function refusedCommentView(proposalId: string, form: FormState): Promise<RefusedCommentView> {
  const { value: proposal } = await loadPublicProposal(proposalId);
  return {
    proposalTitle: proposal.title,
    consultationUrl: pagePaths.consultation(proposal.id),
    form: {
      action: pagePaths.commentAction(proposal.id),
      items: proposal.items.map((item) => ({ id: item.id, name: item.name })),
      ...(proposal.consultation ? { closesAt: proposal.consultation.closesAt } : {}),
      labels: COMMENT_LABELS,
      limits: fieldLimitsOf(CommentInputSchema),
      form,
    },
  };
}
