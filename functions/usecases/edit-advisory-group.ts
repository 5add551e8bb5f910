/**
 * Edit a registered advisory group (the operator console's edit page):
 * 1. the group must be registered;
 * 2. the domain's edit rules hold (same id and agency, exactly one convener);
 * 3. the new record replaces the one the form was read from, in one write conditional on that
 *    revision (409 ADVISORY_GROUP_CHANGED when another edit came in between).
 * 4. a member who holds a ballot in a vote still open stays, under the same id and name, until it
 *    closes (assertOpenBallotsKept says why); their address may change.
 * A vote already open keeps the members it recorded when it opened (open-vote.ts); its reminders
 * and outcome mails look each member's address up in the group when they are sent, so they go to
 * the addresses saved here. A vote that opens between the check and the write takes its members
 * from the group as it then was: the check cannot see it, and the next edit will.
 */
import type { AdvisoryGroup } from '#domain/advisory-group';
import {
  assertAdvisoryGroupEdit,
  assertOpenBallotsKept,
  type OpenVoteRoll,
} from '#domain/advisory-group-edit';
import { NotFoundError } from '#domain/errors';
import type { LocalizedText } from '#domain/common';
import { proposalRepository, type ProposalRecord } from '#ports/proposal-repository';
import { advisoryGroupRepository, agencyRepository } from '#ports/registry-repository';
import type { Versioned } from '#ports/versioned';

export interface GroupToEdit {
  group: AdvisoryGroup;
  /** The revision read, which the edit form carries back. */
  revision: number;
  /** The name of the agency the group advises (undefined when it is not registered). */
  agencyName: LocalizedText | undefined;
}

/** The group as stored, for its edit form. */
export async function advisoryGroupToEdit(id: string): Promise<GroupToEdit> {
  const found = await storedGroup(id);
  const agency = await agencyRepository.get(found.value.agencyId);
  return { group: found.value, revision: found.revision, agencyName: agency?.name };
}

async function storedGroup(id: string): Promise<Versioned<AdvisoryGroup>> {
  const found = await advisoryGroupRepository.getVersioned(id);
  if (!found) throw new NotFoundError('AdvisoryGroup', id);
  return found;
}

export async function editAdvisoryGroup(
  id: string,
  next: AdvisoryGroup,
  expectedRevision: number,
): Promise<AdvisoryGroup> {
  const found = await storedGroup(id);
  assertAdvisoryGroupEdit(found.value, next);
  assertOpenBallotsKept(found.value, next, await openVotesOf(id));
  await advisoryGroupRepository.replace(next, expectedRevision);
  return next;
}

/** The votes this group holds open: proposals under review whose vote it took and has not closed. */
async function openVotesOf(groupId: string): Promise<OpenVoteRoll[]> {
  const votes: OpenVoteRoll[] = [];
  let cursor: string | undefined;
  do {
    const page = await proposalRepository.listByStatus('UNDER_REVIEW', cursor ? { cursor } : {});
    for (const p of page.items as ProposalRecord[]) {
      if (p.review && !p.review.closed && p.review.groupId === groupId)
        votes.push({ proposalId: p.id, members: p.review.members });
    }
    cursor = page.cursor;
  } while (cursor);
  return votes;
}
