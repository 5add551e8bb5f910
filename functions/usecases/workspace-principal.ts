/**
 * Who a person who signed in is in the workspace: the identity provider's claims, with who may act
 * for which agency taken from the registry's account where there is one (the operator console
 * records them), and whether the workspace is for them at all.
 */
import { sessionPrincipal } from '#domain/account';
import type { Principal } from '#domain/principal';
import { accountRepository } from '#ports/account-repository';

export async function workspacePrincipal(claimed: Principal): Promise<Principal> {
  return sessionPrincipal(claimed, (await accountRepository.get(claimed.sub))?.account);
}

/** The workspace is for agency staff and operators; an account disabled holds neither role. */
export const mayUseWorkspace = (principal: Principal): boolean =>
  principal.roles.some((role) => role === 'agency' || role === 'operator');
