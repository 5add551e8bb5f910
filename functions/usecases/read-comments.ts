/** A public proposal's comments, a page at a time, as the public sees them (comment-view.ts). */
import { proposalRepository } from '#ports/proposal-repository';
import { publicComment } from './comment-view.ts';
import { loadPublicProposal } from './public-proposal.ts';

export async function publicCommentsPage(proposalId: string, query: { limit: number; cursor?: string }) {
  await loadPublicProposal(proposalId);
  const page = await proposalRepository.listCommentsPage(proposalId, query);
  return { items: page.items.map(publicComment), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
