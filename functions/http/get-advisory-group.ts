import { readAdvisoryGroup } from '#usecases/read-registry';
import { bearerGetHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

/** Members' e-mail addresses are personal data: only operators see them (readAdvisoryGroup). */
export const handler = bearerGetHandler(
  { access: 'agency-or-operator', params: IdParam },
  async ({ params, principal }) => json(200, await readAdvisoryGroup(params.id, principal)),
);
