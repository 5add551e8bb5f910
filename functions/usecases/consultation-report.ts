/**
 * The consultation report (徵詢結果報告): every comment of the round with its identity tier,
 * campaign group and the agency's disposition, with counts. Built from stored records, so the
 * JSON and the PDF say the same thing; published by the workflow once every comment is answered.
 */
import { createHash } from 'node:crypto';
import { campaignGroups, identityTier, organizationSelfDeclared } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';
import type { ProposalRecord } from '#ports/proposal-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import { feeItemView } from './fee-item-view.ts';
import { links } from './links.ts';

function authorLabel(comment: ConsultationComment): string {
  const { name, organization } = comment.author;
  if (organization && name) return `${name}（${organization}）`;
  return organization ?? name ?? '匿名 / Anonymous';
}

export async function buildConsultationReport(proposal: ProposalRecord, generatedAt: string) {
  const consultation = proposal.consultation!;
  const agency = await agencyRepository.get(proposal.agencyId);
  const comments = (await proposalRepository.listComments(proposal.id)).filter(
    (c) => c.round === consultation.round,
  );
  // A campaign is one entry, answered once, standing for its copies: each copy counts once.
  const rows = campaignGroups(comments).map(({ first: c, copies }) => ({
    id: c.id,
    receivedAt: c.receivedAt,
    tier: identityTier(c),
    organizationSelfDeclared: organizationSelfDeclared(c),
    authorLabel: authorLabel(c),
    ...(c.itemId ? { itemId: c.itemId } : {}),
    body: c.body,
    ...(copies.length > 1 ? { campaignGroupSize: copies.length, copyIds: copies.map((k) => k.id) } : {}),
    disposition: c.disposition!.disposition,
    reply: c.disposition!.reply,
    answeredAt: c.disposition!.answeredAt,
  }));
  const submissions = (r: (typeof rows)[number]) => r.campaignGroupSize ?? 1;
  const count = <K extends string>(key: (r: (typeof rows)[number]) => K) =>
    rows.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + submissions(r) }),
      {},
    );

  return {
    proposal: {
      id: proposal.id,
      version: proposal.version,
      title: proposal.title,
      agencyName: agency?.name ?? { zh: proposal.agencyId, en: proposal.agencyId },
      legalBasis: proposal.legalBasis,
      ...(proposal.explanationUrl ? { explanationUrl: proposal.explanationUrl } : {}),
      effectiveFrom: proposal.effectiveFrom,
      datasets: await datasetsOf(proposal.datasetIds),
      reductions: proposal.reductions,
    },
    consultation: {
      round: consultation.round,
      opensAt: consultation.opensAt,
      // As first announced: each extension moved it, and says from when to when and why.
      closesAt: consultation.extensions[0]?.previousClosesAt ?? consultation.closesAt,
      finalClosesAt: consultation.closesAt,
      days: consultation.days,
      ...(consultation.shortenedReason ? { urgencyReason: consultation.shortenedReason } : {}),
      extensions: consultation.extensions.map((e) => ({
        previousClosesAt: e.previousClosesAt,
        closesAt: e.closesAt,
        reason: e.reason,
        at: e.at,
      })),
    },
    items: proposal.items.map(feeItemView),
    /** Submissions, each campaign copy once; `entries` counts a campaign as one. */
    counts: {
      byTier: count((r) => r.tier),
      byDisposition: count((r) => r.disposition),
      total: rows.reduce((sum, r) => sum + submissions(r), 0),
      entries: rows.length,
      campaigns: rows.filter((r) => r.campaignGroupSize !== undefined).length,
    },
    comments: rows,
    generatedAt,
    reportUrl: links.report(proposal.id),
  };
}

/** The datasets the schedule covers, by id and title (an id no longer registered is listed as such). */
async function datasetsOf(ids: readonly string[]) {
  const found = await Promise.all(ids.map((id) => datasetRepository.get(id)));
  return ids.map((id, i) => ({ id, title: found[i]?.value.title ?? { zh: id, en: id } }));
}

export type ConsultationReport = Awaited<ReturnType<typeof buildConsultationReport>>;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const reportPdfKey = (proposalId: string, round: number) =>
  `reports/${proposalId}/consultation-round-${round}.pdf`;
export const reportJsonKey = (proposalId: string, round: number) =>
  `reports/${proposalId}/consultation-round-${round}.json`;
