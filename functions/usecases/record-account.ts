/**
 * Record who may act in the workspace and for which agency (the operator console):
 * 1. an agency account's agency must be registered;
 * 2. the account is recorded over what was read of it (new, or its revision), never blindly.
 * The person's next sign-in takes the new roles and agency (sessions under way keep theirs until
 * they end, at most SESSION_HOURS).
 */
import type { Account } from '#domain/account';
import { RuleViolationError } from '#domain/errors';
import { accountRepository } from '#ports/account-repository';
import { agencyRepository } from '#ports/registry-repository';

export async function recordAccount(account: Account): Promise<Account> {
  if (account.agencyId && !(await agencyRepository.get(account.agencyId))) {
    throw new RuleViolationError('UNKNOWN_AGENCY', `Agency '${account.agencyId}' is not registered.`, [
      { path: 'agencyId', message: 'Register the agency first.', rule: 'UNKNOWN_AGENCY' },
    ]);
  }
  const existing = await accountRepository.get(account.sub);
  await accountRepository.record(account, existing?.revision);
  return account;
}
