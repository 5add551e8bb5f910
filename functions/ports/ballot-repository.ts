/** Ballots and the hashed secrets of their links. */
import type { Ballot } from '#domain/ballot';
import { createItem, getItem, getVersioned, queryAll, replaceItem } from './dynamo/table.ts';
import { ballotKeys, ballotPrefix, ballotSecretKeys, proposalPartition } from './dynamo/keys.ts';
import type { Versioned } from './versioned.ts';

export interface BallotSecret {
  proposalId: string;
  version: number;
  memberId: string;
}

export const ballotRepository = {
  async create(ballot: Ballot): Promise<void> {
    await createItem(ballotKeys(ballot.proposalId, ballot.version, ballot.memberId), ballot, {
      code: 'BALLOT_EXISTS',
      message: `Member ${ballot.memberId} already has a ballot for version ${ballot.version}.`,
    });
  },
  async get(proposalId: string, version: number, memberId: string): Promise<Versioned<Ballot> | undefined> {
    return getVersioned<Ballot>(ballotKeys(proposalId, version, memberId));
  },
  async replace(ballot: Ballot, expectedRevision: number): Promise<number> {
    return replaceItem(
      ballotKeys(ballot.proposalId, ballot.version, ballot.memberId),
      ballot,
      expectedRevision,
      {
        code: 'BALLOT_CHANGED',
        message: 'This ballot was changed at the same moment; open the link again.',
      },
    );
  },
  /** Every ballot of one proposal version, read consistently (the tally depends on it). */
  async listForVersion(proposalId: string, version: number): Promise<Versioned<Ballot>[]> {
    const items = await queryAll<Ballot>({
      partition: proposalPartition(proposalId),
      prefix: ballotPrefix(version),
    });
    return items.map((i) => ({ value: i.data, revision: i.revision }));
  },
  async addSecret(hash: string, secret: BallotSecret, expiresAt: string): Promise<void> {
    await createItem(
      ballotSecretKeys(hash),
      secret,
      { code: 'BALLOT_SECRET_EXISTS', message: 'Secret collision.' },
      {
        expiresAtEpoch: Math.floor(Date.parse(expiresAt) / 1000) + 90 * 86_400,
      },
    );
  },
  async findBySecretHash(hash: string): Promise<BallotSecret | undefined> {
    return (await getItem<BallotSecret>(ballotSecretKeys(hash)))?.data;
  },
};
