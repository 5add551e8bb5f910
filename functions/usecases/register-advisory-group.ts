/**
 * Register an advisory group:
 * 1. its agency must be registered and be a central second-level agency (no parent): lower
 *    agencies inherit the group of their second-level ancestor;
 * 2. one group per agency, with exactly one convener (as an edit keeps it);
 * 3. the group is created with its members and decision rule (defaults filled in).
 */
import type { AdvisoryGroup } from '#domain/advisory-group';
import { assertOneConvener } from '#domain/advisory-group-edit';
import { ConflictError, RuleViolationError } from '#domain/errors';
import { advisoryGroupRepository, agencyRepository } from '#ports/registry-repository';

export async function registerAdvisoryGroup(group: AdvisoryGroup): Promise<AdvisoryGroup> {
  const agency = await agencyRepository.get(group.agencyId);
  if (!agency) {
    throw new RuleViolationError('UNKNOWN_AGENCY', `Agency '${group.agencyId}' is not registered.`, [
      { path: 'agencyId', message: 'Register the agency first.', rule: 'UNKNOWN_AGENCY' },
    ]);
  }
  if (agency.parentId) {
    throw new RuleViolationError(
      'GROUP_NEEDS_SECOND_LEVEL_AGENCY',
      `Agency '${agency.id}' is below '${agency.parentId}'; it uses the advisory group of its second-level agency.`,
      [
        {
          path: 'agencyId',
          message: 'Name a central second-level agency.',
          rule: 'GROUP_NEEDS_SECOND_LEVEL_AGENCY',
        },
      ],
    );
  }
  assertOneConvener(group);
  const existing = await advisoryGroupRepository.findByAgency(group.agencyId);
  if (existing) {
    throw new ConflictError(
      'GROUP_ALREADY_EXISTS',
      `Agency '${group.agencyId}' already has advisory group '${existing.id}'.`,
    );
  }
  await advisoryGroupRepository.create(group);
  return group;
}
