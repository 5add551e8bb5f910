import { NotFoundError } from '#domain/errors';
import { advisoryGroupRepository } from '#ports/registry-repository';
import { bearerHandler } from './bearer-handler.ts';
import { IdParam } from './path-params.ts';
import { json } from './types.ts';

/** Members' e-mail addresses are personal data: only operators see them. */
export const handler = bearerHandler(
  { access: 'agency-or-operator', params: IdParam },
  async ({ params, principal }) => {
    const group = await advisoryGroupRepository.get(params.id);
    if (!group) throw new NotFoundError('Advisory group', params.id);
    const operator = principal?.roles.includes('operator') ?? false;
    return json(
      200,
      operator ? group : { ...group, members: group.members.map(({ email: _email, ...m }) => m) },
    );
  },
);
