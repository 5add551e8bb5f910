/**
 * The Atom feed's entries (`/feed.atom`): every consultation opened and every decision published,
 * newest first. Read by status, one Query each on the by-status index (no Scan): the newest
 * proposals of the statuses a consultation or a decision leaves a proposal in.
 */
import type { ProposalStatus } from '#domain/fee-proposal';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import type { FeedEntry } from '#templates/atom';
import { pagePaths } from './page-paths.ts';

export const FEED_SIZE = 50;

/** A consultation has been opened on a proposal in any of these; a decision published in the last six. */
const CONSULTED: readonly ProposalStatus[] = [
  'IN_CONSULTATION',
  'AWAITING_RESPONSES',
  'UNDER_REVIEW',
  'APPROVED',
  'ANNOUNCED',
  'EFFECTIVE',
  'REJECTED',
  'CHANGES_REQUESTED',
  'NOT_DECIDED',
  'WITHDRAWN',
];

export async function feedEntries(): Promise<FeedEntry[]> {
  const lists = await Promise.all(
    CONSULTED.map(
      async (status) => (await proposalRepository.listByStatus(status, { limit: FEED_SIZE })).items,
    ),
  );
  const entries = (lists.flat() as ProposalRecord[]).flatMap((p): FeedEntry[] => [
    ...(p.consultation
      ? [
          {
            kind: 'CONSULTATION' as const,
            key: `${pagePaths.consultation(p.id)}#round-${p.consultation.round}`,
            title: p.title,
            at: p.consultation.opensAt,
            closesAt: p.consultation.closesAt,
            path: pagePaths.consultation(p.id),
          },
        ]
      : []),
    ...(p.decision
      ? [
          {
            kind: 'DECISION' as const,
            key: `${pagePaths.decision(p.id)}#version-${p.decision.version}`,
            title: p.title,
            at: p.decision.decidedAt,
            outcome: p.decision.outcome,
            path: pagePaths.decision(p.id),
          },
        ]
      : []),
  ]);
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, FEED_SIZE);
}
