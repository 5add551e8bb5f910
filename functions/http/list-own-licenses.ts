import { OwnLicensesQuerySchema } from '#domain/desk-queries';
import { listOwnLicenses } from '#usecases/read-licenses';
import { agencyLicenseView } from '#usecases/license-view';
import { bearerGetHandler } from './bearer-handler.ts';
import { json } from './types.ts';

/** The license requests for the calling agency's datasets in one status (awaiting payment by default), newest first. */
export const handler = bearerGetHandler(
  { access: 'agency', query: OwnLicensesQuerySchema },
  async ({ query, principal }) => {
    const page = await listOwnLicenses(query, principal);
    return json(200, { items: page.items.map(agencyLicenseView), cursor: page.cursor });
  },
);
