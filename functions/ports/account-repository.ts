/**
 * The workspace's accounts (who may act for which agency), kept by operators. Recording an account
 * replaces what was recorded for that person, conditional on the revision read (or on there being
 * none), so two operators editing one account at once cannot silently undo each other.
 */
import type { Account } from '#domain/account';
import { createItem, getItem, queryAll, replaceItem } from './dynamo/table.ts';
import { accountKeys, accountListPartition } from './dynamo/keys.ts';

const changedMeanwhile = {
  code: 'ACCOUNT_CHANGED',
  message: 'This account was changed by someone else meanwhile; open it again.',
};

export const accountRepository = {
  async get(sub: string): Promise<{ account: Account; revision: number } | undefined> {
    const stored = await getItem<Account>(accountKeys(sub));
    return stored && { account: stored.data, revision: stored.revision };
  },
  async list(): Promise<Account[]> {
    return (await queryAll<Account>({ index: 'gsi1', partition: accountListPartition })).map((i) => i.data);
  },
  /** Records the account: new (`expectedRevision` undefined) or over the revision that was read. */
  async record(account: Account, expectedRevision?: number): Promise<void> {
    const keys = accountKeys(account.sub, account.agencyId);
    if (expectedRevision === undefined) await createItem(keys, account, changedMeanwhile);
    else await replaceItem(keys, account, expectedRevision, changedMeanwhile);
  },
};
