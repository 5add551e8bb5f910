/** The providing agency's view of its license requests. */
import type { LicenseStatus } from '#domain/license';
import type { Principal } from '#domain/principal';
import { licenseRepository } from '#ports/license-repository';
import { ownAgencyOf } from './read-fee-proposals.ts';

/** One page of the calling agency's license requests in one status, newest first. */
export async function listOwnLicenses(
  query: { status: LicenseStatus; limit: number; cursor?: string },
  principal: Principal | undefined,
) {
  return licenseRepository.listByAgency(ownAgencyOf(principal), query.status, query);
}
