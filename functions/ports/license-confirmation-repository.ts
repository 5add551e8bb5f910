/** Links mailed to confirm a license request's e-mail address, by the hash of their secret. */
import { createItem, getItem } from './dynamo/table.ts';
import { licenseConfirmationKeys } from './dynamo/keys.ts';

export interface LicenseConfirmation {
  licenseId: string;
  expiresAt: string;
}

export const licenseConfirmationRepository = {
  async create(hash: string, record: LicenseConfirmation): Promise<void> {
    await createItem(
      licenseConfirmationKeys(hash),
      record,
      { code: 'CONFIRMATION_EXISTS', message: 'Confirmation link exists.' },
      // Kept a day past its expiry, so a late click still hears "expired" rather than "unknown".
      { expiresAtEpoch: Math.floor(Date.parse(record.expiresAt) / 1000) + 86_400 },
    );
  },
  async get(hash: string): Promise<LicenseConfirmation | undefined> {
    return (await getItem<LicenseConfirmation>(licenseConfirmationKeys(hash)))?.data;
  },
};
