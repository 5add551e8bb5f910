/**
 * What the public page of a proposal shows:
 * 1. the submitted proposal (a draft is not known to the public: 404) with its agency and datasets;
 * 2. its fee table and cost basis, as the advisory members see them;
 * 3. its comments one page at a time, as the public sees them (never an e-mail); copies of one
 *    campaign text on the page fold into one entry saying how many there are;
 * 4. the consultation report and the decision, once published; a withdrawal, when and why.
 */
import { COMMENT_LABELS, CommentInputSchema } from '#domain/consultation';
import { fieldLimitsOf } from '#domain/field-limits';
import { feeLawChecklist } from '#domain/fee-law-steps';
import { feeLawStepsRequired } from './settings.ts';
import { currentClock } from '#ports/clock';
import { commentRepository } from '#ports/comment-repository';
import { type ProposalRecord } from '#ports/proposal-repository';
import { datasetRepository } from '#ports/registry-repository';
import type { ConsultationPageView } from '#templates/pages/consultation';
import { publicComment } from './comment-view.ts';
import { packetProposal } from './open-vote.ts';
import { pagePaths } from './page-paths.ts';
import { publicDecision } from './public-decision.ts';
import { loadPublicProposal } from './public-proposal.ts';
import { withdrawal } from './withdrawal.ts';

/** Comments on one page: few enough that the page stays small whatever their length. */
const COMMENTS_PER_PAGE = 50;

export async function consultationPageView(
  proposalId: string,
  cursor?: string,
): Promise<Omit<ConsultationPageView, 'notice' | 'form'>> {
  const found = await loadPublicProposal(proposalId);
  return proposalPageView(found.value, cursor);
}

/**
 * The same page of any proposal, a draft included: the agency's preview shows a draft exactly as
 * the public will see it once submitted (the caller has checked that it is the agency's own).
 */
export async function proposalPageView(
  proposal: ProposalRecord,
  cursor?: string,
): Promise<Omit<ConsultationPageView, 'notice' | 'form'>> {
  const [packet, comments, datasets, withdrawn] = await Promise.all([
    packetProposal(proposal),
    commentRepository.listCommentsPage(proposal.id, { limit: COMMENTS_PER_PAGE, cursor }),
    Promise.all(proposal.datasetIds.map((id) => datasetRepository.get(id))),
    withdrawal(proposal),
  ]);
  const sameText = new Map<string, number>();
  for (const c of comments.items) sameText.set(c.campaignKey, (sameText.get(c.campaignKey) ?? 0) + 1);
  const shown = comments.items.filter(
    (c, i) => comments.items.findIndex((o) => o.campaignKey === c.campaignKey) === i,
  );
  const consultation = proposal.consultation;
  const open =
    proposal.status === 'IN_CONSULTATION' &&
    consultation !== undefined &&
    currentClock().now().getTime() < Date.parse(consultation.closesAt);
  const decision = proposal.decision;
  return {
    proposal: {
      ...packet,
      status: proposal.status,
      justification: proposal.justification,
      ...(proposal.explanationUrl ? { explanationUrl: proposal.explanationUrl } : {}),
      ...(proposal.paymentInstructions ? { paymentInstructions: proposal.paymentInstructions } : {}),
      datasets: proposal.datasetIds.map((id, i) => ({
        id,
        title: datasets[i]?.value.title ?? { zh: id, en: id },
        url: pagePaths.dataset(id),
        feeSchedulesUrl: pagePaths.feeSchedules(id),
      })),
      ...(consultation
        ? {
            consultation: {
              round: consultation.round,
              opensAt: consultation.opensAt,
              closesAt: consultation.closesAt,
              extensions: consultation.extensions.map((e) => ({ closesAt: e.closesAt, reason: e.reason })),
            },
          }
        : {}),
    },
    open,
    ...(withdrawn ? { withdrawal: withdrawn } : {}),
    commentLabels: COMMENT_LABELS,
    commentLimits: fieldLimitsOf(CommentInputSchema),
    comments: shown.map((c) => {
      const view = publicComment(c);
      return {
        id: view.id,
        receivedAt: view.receivedAt,
        itemId: view.itemId,
        body: view.body,
        author: view.author,
        tier: view.tier,
        organizationSelfDeclared: view.organizationSelfDeclared,
        sameText: sameText.get(c.campaignKey) ?? 1,
        disposition: view.disposition,
      };
    }),
    links: {
      commentAction: pagePaths.commentAction(proposal.id),
      ...(comments.cursor
        ? { nextComments: `${pagePaths.consultation(proposal.id)}?cursor=${comments.cursor}#comments` }
        : {}),
      ...(cursor ? { firstComments: `${pagePaths.consultation(proposal.id)}#comments` } : {}),
      ...(proposal.consultationReport
        ? { report: { page: pagePaths.report(proposal.id), pdf: pagePaths.reportPdf(proposal.id) } }
        : {}),
      ...(decision
        ? {
            decision: { page: pagePaths.decision(proposal.id), pdf: pagePaths.decisionPdf(proposal.id) },
          }
        : {}),
      trail: pagePaths.trail(proposal.id),
      follow: pagePaths.subscribeForm({ proposalId: proposal.id }),
    },
    ...(decision
      ? {
          decision: {
            ...publicDecision(decision),
            ...(decision.effectiveFrom ? { effectiveFrom: proposal.effectiveFrom } : {}),
            feeLawSteps: feeLawChecklist(proposal.feeLawSteps ?? []),
            feeLawStepsRequired: feeLawStepsRequired(),
          },
        }
      : {}),
  };
}
