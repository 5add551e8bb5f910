/** Links mailed to list the licenses of an address, by the hash of their secret. */
import { createItem, getItem } from './dynamo/table.ts';
import { myLicensesLinkKeys } from './dynamo/keys.ts';

export interface MyLicensesLink {
  /** The address as it was asked for; licenses are listed by it in lower case. */
  email: string;
  expiresAt: string;
}

export const myLicensesLinkRepository = {
  async create(hash: string, record: MyLicensesLink): Promise<void> {
    await createItem(
      myLicensesLinkKeys(hash),
      record,
      { code: 'MY_LICENSES_LINK_EXISTS', message: 'This link exists.' },
      // Kept a day past its expiry, so a late click still hears "expired" rather than "unknown".
      { expiresAtEpoch: Math.floor(Date.parse(record.expiresAt) / 1000) + 86_400 },
    );
  },
  async get(hash: string): Promise<MyLicensesLink | undefined> {
    return (await getItem<MyLicensesLink>(myLicensesLinkKeys(hash)))?.data;
  },
};
