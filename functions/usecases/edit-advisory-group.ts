/**
 * Edit a registered advisory group (the operator console's edit page):
 * 1. the group must be registered;
 * 2. the domain's edit rules hold (same id and agency, exactly one convener);
 * 3. the new record replaces the one the form was read from, in one write conditional on that
 *    revision (409 ADVISORY_GROUP_CHANGED when another edit came in between).
 * A vote already open keeps the members it recorded when it opened (open-vote.ts); its reminders
 * and outcome mails look each member's address up in the group when they are sent, so they go to
 * the addresses saved here.
 */
import type { AdvisoryGroup } from '#domain/advisory-group';
import { assertAdvisoryGroupEdit } from '#domain/advisory-group-edit';
import { NotFoundError } from '#domain/errors';
import type { LocalizedText } from '#domain/common';
import { advisoryGroupRepository, agencyRepository, type Versioned } from '#ports/registry-repository';

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
  await advisoryGroupRepository.replace(next, expectedRevision);
  return next;
}
