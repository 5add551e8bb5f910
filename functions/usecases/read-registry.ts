/**
 * Reading the registry: agencies and datasets for the public API, an agency's own datasets for its
 * desk, organisations and advisory groups for the workspace's API; an unknown id a 404.
 */
import { NotFoundError } from '#domain/errors';
import type { Organization } from '#domain/organization';
import type { Principal } from '#domain/principal';
import {
  advisoryGroupRepository,
  agencyRepository,
  datasetRepository,
  organizationRepository,
} from '#ports/registry-repository';
import { ownAgencyOf } from './read-fee-proposals.ts';
import type { StoredDataset } from './dataset-view.ts';

export async function readAgency(id: string) {
  const agency = await agencyRepository.get(id);
  if (!agency) throw new NotFoundError('Agency', id);
  return { ...agency, datasets: await datasetRepository.listByAgency(agency.id) };
}

export const listAgencies = () => agencyRepository.list();

export async function readDataset(id: string): Promise<StoredDataset> {
  const found = await datasetRepository.get(id);
  if (!found) throw new NotFoundError('Dataset', id);
  return found.value as StoredDataset;
}

/** The name of the agency that holds a dataset (its id where the registry has no such agency). */
export async function agencyNameOf(agencyId: string) {
  const agency = await agencyRepository.get(agencyId);
  return agency?.name ?? { zh: agencyId, en: agencyId };
}

/** The datasets of the agency the caller acts for (its datasets desk). */
export const listOwnDatasets = (principal: Principal | undefined) =>
  datasetRepository.listByAgency(ownAgencyOf(principal));

export const listOrganizations = () => organizationRepository.list();

/** Registers an organisation (a conditional write: an id taken already is a conflict). */
export async function registerOrganization(organization: Organization): Promise<Organization> {
  await organizationRepository.create(organization);
  return organization;
}

/** An advisory group; its members' e-mail addresses are personal data, which only operators see. */
export async function readAdvisoryGroup(id: string, principal: Principal | undefined) {
  const group = await advisoryGroupRepository.get(id);
  if (!group) throw new NotFoundError('Advisory group', id);
  const operator = principal?.roles.includes('operator') ?? false;
  return operator ? group : { ...group, members: group.members.map(({ email: _email, ...m }) => m) };
}
