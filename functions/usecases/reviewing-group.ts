/**
 * Which advisory group reviews a proposal: the group of the proposing agency's central
 * second-level ancestor (third- and fourth-level agencies inherit their parent's group).
 */
import type { AdvisoryGroup } from '#domain/advisory-group';
import { secondLevelAgencyId } from '#domain/agency';
import { RuleViolationError } from '#domain/errors';
import { advisoryGroupRepository, agencyRepository } from '#ports/registry-repository';

const MAX_DEPTH = 10;

export async function reviewingGroup(agencyId: string): Promise<AdvisoryGroup> {
  const parents = new Map<string, string | undefined>();
  let id: string | undefined = agencyId;
  for (let depth = 0; id !== undefined && depth < MAX_DEPTH && !parents.has(id); depth += 1) {
    const agency = await agencyRepository.get(id);
    parents.set(id, agency?.parentId);
    id = agency?.parentId;
  }
  const top = secondLevelAgencyId(agencyId, (a) => parents.get(a));
  const group = await advisoryGroupRepository.findByAgency(top);
  if (!group) {
    throw new RuleViolationError(
      'NO_ADVISORY_GROUP',
      `Agency '${top}' has no advisory group to review proposals of '${agencyId}'.`,
    );
  }
  return group;
}
