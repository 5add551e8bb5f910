/**
 * One proposal version's vote: open or closed, and the votes cast while it was open. Casting a vote
 * and closing the vote are both single conditional writes on this one item, so no vote can be
 * recorded after the close, and the close is the line between counted and refused.
 */
import { ConflictError } from '#domain/errors';
import type { CastVote, VoteState } from '#domain/ballot';
import { createItem, getItem, setFields } from './dynamo/table.ts';
import { voteKeys } from './dynamo/keys.ts';

export const voteRepository = {
  /** Opens the vote of a version (idempotent: an existing vote is kept as it is). */
  async open(proposalId: string, version: number): Promise<void> {
    const vote: VoteState = { proposalId, version, closed: false, votes: {} };
    try {
      await createItem(voteKeys(proposalId, version), vote, {
        code: 'VOTE_EXISTS',
        message: `The vote on version ${version} is already open.`,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  },

  async get(proposalId: string, version: number): Promise<VoteState | undefined> {
    return (await getItem<VoteState>(voteKeys(proposalId, version)))?.data;
  },

  /**
   * Records a member's vote if the vote is open and the member has not voted; throws a
   * ConflictError otherwise (read the vote to tell which).
   */
  async cast(proposalId: string, version: number, memberId: string, vote: CastVote): Promise<void> {
    await setFields(
      voteKeys(proposalId, version),
      [{ path: ['votes', memberId], value: vote }],
      {
        expression: '#data.#closed = :open AND attribute_not_exists(#data.#votes.#member)',
        names: { '#closed': 'closed', '#votes': 'votes', '#member': memberId },
        values: { ':open': false },
      },
      { code: 'VOTE_NOT_OPEN', message: 'The vote has closed, or this member has already voted.' },
    );
  },

  /** Closes the vote (once; a later call finds it closed) and returns it as closed, with every vote. */
  async close(proposalId: string, version: number, at: string): Promise<VoteState> {
    try {
      await setFields(
        voteKeys(proposalId, version),
        [
          { path: ['closed'], value: true },
          { path: ['closedAt'], value: at },
        ],
        { expression: '#data.#closed = :open', names: { '#closed': 'closed' }, values: { ':open': false } },
        { code: 'VOTE_CLOSED', message: 'The vote is already closed.' },
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const vote = await this.get(proposalId, version);
    if (!vote?.closed)
      throw new ConflictError('VOTE_MISSING', `Proposal ${proposalId} has no vote on version ${version}.`);
    return vote;
  },
};
