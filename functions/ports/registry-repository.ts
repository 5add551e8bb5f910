/**
 * Agencies, advisory groups, datasets and organisations: the registry the operator and agencies maintain.
 * A narrow interface; callers never see keys or the table.
 */
import type { Agency } from '#domain/agency';
import type { AdvisoryGroup } from '#domain/advisory-group';
import type { Dataset } from '#domain/dataset';
import type { Organization } from '#domain/organization';
import { createItem, getItem, getVersioned, queryAll, replaceItem } from './dynamo/table.ts';
import {
  advisoryGroupKey,
  advisoryGroupKeys,
  agencyKeys,
  agencyListPartition,
  datasetKey,
  datasetKeys,
  datasetsOfAgencyPartition,
  groupsOfAgencyPartition,
  organizationKeys,
  organizationListPartition,
} from './dynamo/keys.ts';
import type { Versioned } from './versioned.ts';

export const agencyRepository = {
  async create(agency: Agency): Promise<void> {
    await createItem(agencyKeys(agency.id, agency.parentId), agency, {
      code: 'AGENCY_EXISTS',
      message: `Agency '${agency.id}' already exists.`,
    });
  },
  async get(id: string): Promise<Agency | undefined> {
    return (await getItem<Agency>(agencyKeys(id)))?.data;
  },
  async list(): Promise<Agency[]> {
    return (await queryAll<Agency>({ index: 'gsi1', partition: agencyListPartition })).map((i) => i.data);
  },
  /** The agency with the revision it was read at, for an edit written conditionally on it. */
  async getVersioned(id: string): Promise<Versioned<Agency> | undefined> {
    return getVersioned<Agency>(agencyKeys(id));
  },
  /** Replaces the agency read at `expectedRevision`; its id and parent, and so its keys, stay. */
  async replace(agency: Agency, expectedRevision: number): Promise<number> {
    return replaceItem(agencyKeys(agency.id, agency.parentId), agency, expectedRevision, {
      code: 'AGENCY_CHANGED',
      message: `Agency '${agency.id}' was changed by another request; read it again and retry.`,
    });
  },
};

export const advisoryGroupRepository = {
  async create(group: AdvisoryGroup): Promise<void> {
    await createItem(advisoryGroupKeys(group.id, group.agencyId), group, {
      code: 'ADVISORY_GROUP_EXISTS',
      message: `Advisory group '${group.id}' already exists.`,
    });
  },
  async get(id: string): Promise<AdvisoryGroup | undefined> {
    return (await getItem<AdvisoryGroup>(advisoryGroupKey(id)))?.data;
  },
  /** The group with the revision it was read at, for an edit written conditionally on it. */
  async getVersioned(id: string): Promise<Versioned<AdvisoryGroup> | undefined> {
    return getVersioned<AdvisoryGroup>(advisoryGroupKey(id));
  },
  async replace(group: AdvisoryGroup, expectedRevision: number): Promise<number> {
    return replaceItem(advisoryGroupKeys(group.id, group.agencyId), group, expectedRevision, {
      code: 'ADVISORY_GROUP_CHANGED',
      message: `Advisory group '${group.id}' was changed by another request; read it again and retry.`,
    });
  },
  /** The advisory group convened by a second-level agency (at most one by rule; first by id). */
  async findByAgency(agencyId: string): Promise<AdvisoryGroup | undefined> {
    const groups = await queryAll<AdvisoryGroup>({
      index: 'gsi1',
      partition: groupsOfAgencyPartition(agencyId),
    });
    return groups[0]?.data;
  },
};

export const datasetRepository = {
  async create(dataset: Dataset): Promise<void> {
    await createItem(datasetKeys(dataset.id, dataset.agencyId), dataset, {
      code: 'DATASET_EXISTS',
      message: `Dataset '${dataset.id}' already exists.`,
    });
  },
  async get(id: string): Promise<Versioned<Dataset> | undefined> {
    return getVersioned<Dataset>(datasetKey(id));
  },
  async replace(dataset: Dataset, expectedRevision: number): Promise<number> {
    return replaceItem(datasetKeys(dataset.id, dataset.agencyId), dataset, expectedRevision, {
      code: 'DATASET_CHANGED',
      message: `Dataset '${dataset.id}' was changed by another request; read it again and retry.`,
    });
  },
  async listByAgency(agencyId: string): Promise<Dataset[]> {
    return (await queryAll<Dataset>({ index: 'gsi1', partition: datasetsOfAgencyPartition(agencyId) })).map(
      (i) => i.data,
    );
  },
};

export const organizationRepository = {
  async create(organization: Organization): Promise<void> {
    await createItem(organizationKeys(organization.id), organization, {
      code: 'ORGANIZATION_EXISTS',
      message: `Organization '${organization.id}' already exists.`,
    });
  },
  async list(): Promise<Organization[]> {
    return (await queryAll<Organization>({ index: 'gsi1', partition: organizationListPartition })).map(
      (i) => i.data,
    );
  },
};
