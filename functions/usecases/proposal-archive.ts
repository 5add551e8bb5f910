/**
 * The archive of every public proposal (`/archive`), newest first, a page at a time:
 * 1. which lists: one status, or every public one; one year of consultations (by the day the
 *    consultation closes in Taipei; before a consultation, the day the proposal was created), or all;
 * 2. each status's list is one Query on the by-status index within that period (no Scan); the
 *    lists are merged newest first (merged-page.ts), so nothing is skipped or shown twice between
 *    pages;
 * 3. text, agency and dataset narrow what the page shows (text: the title in either language, the
 *    agency's name or the id). They filter what the Queries read, so a page can show fewer than a
 *    page's worth while the next one still has more;
 * 4. the place in each list is the cursor, so the next page continues every list where it stopped.
 */
import { ValidationError } from '#domain/errors';
import type { FeeProposal, ProposalStatus } from '#domain/fee-proposal';
import { PUBLIC_STATUSES } from '#domain/proposal-status';
import { taipeiDayStart } from '#domain/taipei-time';
import { proposalRepository, statusListPosition } from '#ports/proposal-repository';
import type { LocalizedText } from '#domain/common';
import { cursorOf, mergedPage, placesOf, type Places as MergedPlaces } from './merged-page.ts';

export const ARCHIVE_PAGE_SIZE = 20;

export interface ArchiveQuery {
  q?: string;
  agencyId?: string;
  datasetId?: string;
  status?: ProposalStatus;
  year?: number;
  cursor?: string;
}

export interface ArchivePage {
  items: FeeProposal[];
  /** Where the next page starts; absent on the last page. */
  cursor?: string;
}

type Places = MergedPlaces<ProposalStatus>;

export async function proposalArchivePage(
  query: ArchiveQuery,
  agencyNames: Map<string, LocalizedText>,
): Promise<ArchivePage> {
  const places = query.cursor ? readCursor(query.cursor) : startingPlaces(query.status);
  const period = periodOf(query.year);
  const page = await mergedPage({
    places,
    read: (status: ProposalStatus, after) =>
      proposalRepository.listByStatusWithin(status, period, {
        limit: ARCHIVE_PAGE_SIZE,
        ...(after ? { after } : {}),
      }),
    positionOf: statusListPosition,
    size: ARCHIVE_PAGE_SIZE,
    keep: matcher(query, agencyNames),
  });
  const items = page.items.map((i) => i.item);
  return page.next ? { items, cursor: cursorOf(page.next) } : { items };
}

/** Every public status's list, or the one asked for (none for a draft: drafts are not public). */
const startingPlaces = (status?: ProposalStatus): Places =>
  Object.fromEntries(
    (status ? PUBLIC_STATUSES.filter((s) => s === status) : PUBLIC_STATUSES).map((s) => [s, '']),
  );

/** A Taipei calendar year as the UTC instants that bound it. */
function periodOf(year?: number): [string, string] {
  if (year === undefined) return ['0', '~'];
  return [taipeiDayStart(`${year}-01-01`).toISOString(), taipeiDayStart(`${year + 1}-01-01`).toISOString()];
}

function matcher(query: ArchiveQuery, agencyNames: Map<string, LocalizedText>) {
  const text = query.q?.trim().toLowerCase();
  return (p: FeeProposal): boolean => {
    if (query.agencyId && p.agencyId !== query.agencyId) return false;
    if (query.datasetId && !p.datasetIds.includes(query.datasetId)) return false;
    if (!text) return true;
    const agency = agencyNames.get(p.agencyId);
    return [p.id, p.title.zh, p.title.en ?? '', agency?.zh ?? '', agency?.en ?? ''].some((field) =>
      field.toLowerCase().includes(text),
    );
  };
}

function readCursor(cursor: string): Places {
  const places = placesOf(cursor, PUBLIC_STATUSES);
  if (!places)
    throw new ValidationError('The query is not valid: cursor: not a cursor this archive gave.', [
      { path: 'query.cursor', message: 'Not a cursor this archive gave; start again from the first page.' },
    ]);
  return places;
}
