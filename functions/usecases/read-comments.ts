/** A public proposal's comments, a page at a time, as the public sees them (comment-view.ts). */
import { commentRepository } from '#ports/comment-repository';
import { publicComment } from './comment-view.ts';
import { loadPublicProposal } from './public-proposal.ts';

export async function publicCommentsPage(proposalId: string, query: { limit: number; cursor?: string }) {
  await loadPublicProposal(proposalId);
  const page = await commentRepository.listCommentsPage(proposalId, query);
  return { items: page.items.map(publicComment), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
