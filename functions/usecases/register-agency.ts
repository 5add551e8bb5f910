/**
 * Register an agency in the tree:
 * 1. a parent, when named, must already be registered (so every subtree reaches a second-level agency);
 * 2. the agency is created; an existing id is a conflict, never an overwrite.
 */
import type { Agency } from '#domain/agency';
import { RuleViolationError } from '#domain/errors';
import { agencyRepository } from '#ports/registry-repository';

export async function registerAgency(agency: Agency): Promise<Agency> {
  if (agency.parentId && !(await agencyRepository.get(agency.parentId))) {
    throw new RuleViolationError(
      'UNKNOWN_PARENT_AGENCY',
      `Parent agency '${agency.parentId}' is not registered.`,
      [{ path: 'parentId', message: 'Register the parent agency first.', rule: 'UNKNOWN_PARENT_AGENCY' }],
    );
  }
  await agencyRepository.create(agency);
  return agency;
}
