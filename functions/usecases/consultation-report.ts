/**
 * The consultation report (徵詢結果報告): every comment of the round with its identity tier,
 * campaign group and the agency's disposition, with counts. Built from stored records, so the
 * JSON and the PDF say the same thing; published by the workflow once every comment is answered.
 */
import { createHash } from 'node:crypto';
import * as z from '#domain/zod';
import { NotFoundError } from '#domain/errors';
import { identityTier, organizationSelfDeclared } from '#domain/consultation';
import type { DispositionKind } from '#domain/consultation';
import type { ConsultationComment } from '#domain/records';
import type { ProposalRecord } from '#ports/proposal-repository';
import { blobStore } from '#ports/adapters';
import { agencyRepository, datasetRepository } from '#ports/registry-repository';
import { feeItemView } from './fee-item-view.ts';
import { links } from './links.ts';
import { roundComments } from './round-comments.ts';

function authorLabel(comment: ConsultationComment): string {
  const { name, organization } = comment.author;
  if (organization && name) return `${name}（${organization}）`;
  return organization ?? name ?? '匿名 / Anonymous';
}

/** What pass one keeps of each campaign text: its first copy and how many copies it has. */
interface Group {
  firstId: string;
  copyIds: string[];
}

/**
 * The report is read from the round's comments twice, a page at a time: once to count (campaign
 * groups need every copy before the first is printed), once to print. Only the groups' ids stay
 * in memory between the passes, never the texts.
 */
export async function countReport(proposalId: string, round: number) {
  const groups = new Map<string, Group>();
  const counts = {
    byTier: {} as Record<string, number>,
    byDisposition: {} as Record<string, number>,
    entriesByTier: {} as Record<string, number>,
    entriesByDisposition: {} as Record<string, number>,
    total: 0,
    entries: 0,
    campaigns: 0,
  };
  // A campaign is one entry, answered once, standing for its copies: each copy counts once, under
  // the tier and disposition of its group's first copy.
  const firsts = new Map<string, { tier: string; disposition: string }>();
  for await (const c of roundComments(proposalId, round)) {
    const group = groups.get(c.campaignKey);
    if (group) group.copyIds.push(c.id);
    else {
      groups.set(c.campaignKey, { firstId: c.id, copyIds: [c.id] });
      firsts.set(c.campaignKey, { tier: identityTier(c), disposition: c.disposition!.disposition });
    }
  }
  const add = (acc: Record<string, number>, key: string, n: number) => (acc[key] = (acc[key] ?? 0) + n);
  for (const [key, group] of groups) {
    const { tier, disposition } = firsts.get(key)!;
    const size = group.copyIds.length;
    add(counts.byTier, tier, size);
    add(counts.byDisposition, disposition, size);
    add(counts.entriesByTier, tier, 1);
    add(counts.entriesByDisposition, disposition, 1);
    counts.total += size;
    counts.entries += 1;
    if (size > 1) counts.campaigns += 1;
  }
  return { groups, counts };
}

export type ReportCounts = Awaited<ReturnType<typeof countReport>>['counts'];

/** The report's rows in the order the comments arrived, each campaign once, read a page at a time. */
export async function* reportRows(
  proposalId: string,
  round: number,
  groups: ReadonlyMap<string, Group>,
): AsyncGenerator<ReportRow> {
  for await (const c of roundComments(proposalId, round)) {
    const group = groups.get(c.campaignKey);
    if (group?.firstId !== c.id) continue;
    const copies = group.copyIds;
    yield {
      id: c.id,
      receivedAt: c.receivedAt,
      tier: identityTier(c),
      organizationSelfDeclared: organizationSelfDeclared(c),
      authorLabel: authorLabel(c),
      ...(c.itemId ? { itemId: c.itemId } : {}),
      body: c.body,
      ...(copies.length > 1 ? { campaignGroupSize: copies.length, copyIds: copies } : {}),
      disposition: c.disposition!.disposition,
      reply: c.disposition!.reply,
      answeredAt: c.disposition!.answeredAt,
    };
  }
}

export type ReportRow = {
  id: string;
  receivedAt: string;
  tier: ReturnType<typeof identityTier>;
  organizationSelfDeclared: boolean;
  authorLabel: string;
  itemId?: string;
  body: string;
  campaignGroupSize?: number;
  copyIds?: string[];
  disposition: DispositionKind;
  reply: string;
  answeredAt: string;
};

/** Everything the report says besides its comments, which are stored and served in pages. */
export async function reportHead(proposal: ProposalRecord, counts: ReportCounts, generatedAt: string) {
  const consultation = proposal.consultation!;
  const agency = await agencyRepository.get(proposal.agencyId);
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
    counts,
    generatedAt,
    reportUrl: links.report(proposal.id),
  };
}

/** The datasets the schedule covers, by id and title (an id no longer registered is listed as such). */
async function datasetsOf(ids: readonly string[]) {
  const found = await Promise.all(ids.map((id) => datasetRepository.get(id)));
  return ids.map((id, i) => ({ id, title: found[i]?.value.title ?? { zh: id, en: id } }));
}

export type ReportHead = Awaited<ReturnType<typeof reportHead>>;

/** Entries per stored page of the published report: 100 of the longest comments and replies stay under 4 MB. */
export const REPORT_PAGE_SIZE = 100;

/** The published report's JSON: its head, with the number of comment pages stored beside it. */
export type PublishedReportHead = ReportHead & { commentPages: number };

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const reportPdfKey = (proposalId: string, round: number) =>
  `reports/${proposalId}/consultation-round-${round}.pdf`;
export const reportJsonKey = (proposalId: string, round: number) =>
  `reports/${proposalId}/consultation-round-${round}.json`;
/** One page of the published report's comments, numbered from 1. */
export const reportCommentsPageKey = (proposalId: string, round: number, page: number) =>
  `reports/${proposalId}/consultation-round-${round}-comments-${String(page).padStart(4, '0')}.json`;

/** `?page=` of the published report's JSON and page: 1 up to the number of comment pages. */
export const ReportPageQuery = z.object({
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 1),
});

/**
 * One page of the report as published (not as the records read today): its head and that page's
 * comments. A report published before comments were stored in pages is one page.
 */
export async function readPublishedReport(proposalId: string, round: number, pageNumber: number) {
  const blobs = await blobStore();
  const stored = await blobs.get(reportJsonKey(proposalId, round));
  if (!stored) throw new NotFoundError('Consultation report', proposalId);
  const { comments: inline, ...head } = JSON.parse(stored.bytes.toString('utf8')) as PublishedReportHead & {
    comments?: ReportRow[];
  };
  const count = inline ? 1 : Math.max(1, head.commentPages);
  if (pageNumber > count) throw new NotFoundError('Consultation report page', String(pageNumber));
  let comments = inline ?? [];
  if (!inline && head.commentPages > 0) {
    const page = await blobs.get(reportCommentsPageKey(proposalId, round, pageNumber));
    if (!page) throw new NotFoundError('Consultation report page', String(pageNumber));
    comments = JSON.parse(page.bytes.toString('utf8')) as ReportRow[];
  }
  return { ...head, comments, page: { number: pageNumber, count } };
}
