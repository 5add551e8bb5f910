/** Pending e-mail verifications of consultation comments, keyed by the hash of the link's secret. */
import { createItem, getVersioned, replaceItem } from './dynamo/table.ts';
import { commentVerificationKeys as keys } from './dynamo/keys.ts';

export interface CommentVerification {
  proposalId: string;
  commentId: string;
  expiresAt: string;
  confirmedAt?: string;
}

export const commentVerificationRepository = {
  async create(hash: string, record: CommentVerification): Promise<void> {
    await createItem(
      keys(hash),
      record,
      { code: 'VERIFICATION_EXISTS', message: 'Verification link exists.' },
      {
        expiresAtEpoch: Math.floor(Date.parse(record.expiresAt) / 1000) + 86_400,
      },
    );
  },
  async get(hash: string) {
    return getVersioned<CommentVerification>(keys(hash));
  },
  async confirm(hash: string, record: CommentVerification, revision: number): Promise<void> {
    await replaceItem(keys(hash), record, revision, {
      code: 'VERIFICATION_USED',
      message: 'This link was used already.',
    });
  },
};
