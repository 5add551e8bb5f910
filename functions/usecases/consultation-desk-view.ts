/**
 * What the agency's consultation desk shows of its own proposal:
 * 1. the proposal must be the caller's agency's (403 otherwise, 404 when unknown);
 * 2. progress "n of m answered" for the current round, counted without loading the comments;
 * 3. the round's comments a page at a time with item, tier and campaign group, as the public sees
 *    them (never an e-mail), each with the page that answers it;
 * 4. whether answers are still taken (until the report is published) and the closing date can move.
 */
import { NotFoundError } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { currentClock } from '#ports/clock';
import { commentRepository } from '#ports/comment-repository';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import type { ConsultationDeskView, DeskComment, DeskProposal } from '#templates/pages/consultation-desk';
import { requireActingFor } from './access.ts';
import { publicComment } from './comment-view.ts';
import { pagePaths } from './page-paths.ts';
import { workspacePaths } from './workspace-paths.ts';

const COMMENTS_PER_PAGE = 50;

/**
 * The agency's own proposal, whatever its status: a draft too, for the editor (loadOwnProposal in
 * public-proposal.ts is for published ones).
 */
export async function loadAgencyProposal(id: string, principal: Principal | undefined) {
  const found = await proposalRepository.get(id);
  if (!found) throw new NotFoundError('Fee proposal', id);
  requireActingFor(principal, found.value.agencyId);
  return found;
}

export function deskProposal(p: ProposalRecord): DeskProposal {
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    items: p.items.map((i) => ({ id: i.id, name: i.name })),
    ...(p.consultation
      ? {
          consultation: {
            round: p.consultation.round,
            opensAt: p.consultation.opensAt,
            closesAt: p.consultation.closesAt,
            extensions: p.consultation.extensions.map((e) => ({ closesAt: e.closesAt, reason: e.reason })),
          },
        }
      : {}),
  };
}

export const answersTaken = (p: ProposalRecord) =>
  p.status === 'IN_CONSULTATION' || p.status === 'AWAITING_RESPONSES';

/** A comment as the public page shows it, with the desk's page that answers it. */
export function deskComment(
  proposalId: string,
  comment: Parameters<typeof publicComment>[0],
  sameText: number,
): DeskComment {
  return {
    ...publicComment(comment),
    sameText,
    answer: workspacePaths.answerComment(proposalId, comment.id),
  };
}

export async function consultationDeskView(
  proposalId: string,
  principal: Principal | undefined,
  cursor?: string,
): Promise<Omit<ConsultationDeskView, 'csrf' | 'extendForm' | 'notice'>> {
  const { value: proposal } = await loadAgencyProposal(proposalId, principal);
  const round = proposal.consultation?.round ?? 0;
  const [counts, page] = await Promise.all([
    commentRepository.countRoundComments(proposalId, round),
    commentRepository.listCommentsPage(proposalId, { limit: COMMENTS_PER_PAGE, cursor }),
  ]);
  const ofRound = page.items.filter((c) => c.round === round);
  const sameText = new Map<string, number>();
  for (const c of ofRound) sameText.set(c.campaignKey, (sameText.get(c.campaignKey) ?? 0) + 1);
  // A campaign text is answered once for all its copies: one entry per text on the page.
  const shown = ofRound.filter((c, i) => ofRound.findIndex((o) => o.campaignKey === c.campaignKey) === i);
  const open =
    proposal.status === 'IN_CONSULTATION' &&
    proposal.consultation !== undefined &&
    currentClock().now().getTime() < Date.parse(proposal.consultation.closesAt);
  const desk = workspacePaths.consultationDesk(proposalId);
  return {
    proposal: deskProposal(proposal),
    progress: { answered: counts.total - counts.unanswered, total: counts.total },
    comments: shown.map((c) => deskComment(proposalId, c, sameText.get(c.campaignKey) ?? 1)),
    canAnswer: answersTaken(proposal),
    canExtend: open,
    links: {
      publicPage: pagePaths.consultation(proposalId),
      extend: workspacePaths.extendConsultation(proposalId),
      ...(page.cursor ? { nextComments: `${desk}?cursor=${page.cursor}#comments` } : {}),
      ...(cursor ? { firstComments: `${desk}#comments` } : {}),
    },
  };
}

/** The agency's proposals whose comments it answers (in consultation, or awaiting its answers), each with its progress. */
export async function consultationsToAnswer(principal: Principal | undefined) {
  const agencyId = principal?.agencyId ?? '';
  const open = await Promise.all(
    (['IN_CONSULTATION', 'AWAITING_RESPONSES'] as const).map((status) =>
      proposalRepository.listByAgency(agencyId, { status, limit: 50 }),
    ),
  );
  const proposals = open.flatMap((page) => page.items);
  const counts = await Promise.all(
    proposals.map((p) => commentRepository.countRoundComments(p.id, p.consultation?.round ?? 0)),
  );
  return proposals.map((proposal, i) => ({
    proposal,
    progress: { answered: counts[i]!.total - counts[i]!.unanswered, total: counts[i]!.total },
  }));
}

/** One comment of the agency's own proposal to answer, with how many copies of its text the round holds. */
export async function commentToAnswer(id: string, commentId: string, principal: Principal | undefined) {
  const { value: proposal } = await loadAgencyProposal(id, principal);
  const found = await commentRepository.getComment(id, commentId);
  if (!found) throw new NotFoundError('Comment', commentId);
  const comment = found.value;
  const copies = await commentRepository.countCampaignCopies(id, comment.round, comment.campaignKey);
  return { proposal, comment, copies };
}
