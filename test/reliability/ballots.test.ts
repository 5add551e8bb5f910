// Ballot links: only the newest link of a member, on the version under vote, before the deadline,
// used once, records a vote; guessing, near misses, another member's link, replays, expired and
// superseded links record nothing; and a lookup's time does not tell whether a secret exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ballotRepository } from '#ports/ballot-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { dynamoDocumentClient, setDynamoDocumentClient } from '#ports/dynamo/client';
import { openBallot } from '#usecases/cast-ballot';
import { validProposal } from '../support/fixtures.ts';
import { MEMBERS } from '../support/review-flow.ts';
import { attempt, tried } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

let w: World;

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const secretShaped = fc
  .array(fc.constantFrom(...SECRET_ALPHABET), { minLength: 32, maxLength: 32 })
  .map((chars) => chars.join(''));

/** The secret with one character changed. */
function nearMiss(secret: string, at: number, by: number): string {
  const i = at % secret.length;
  const c = SECRET_ALPHABET[(SECRET_ALPHABET.indexOf(secret[i]!) + 1 + (by % 63)) % 64]!;
  return secret.slice(0, i) + c + secret.slice(i + 1);
}

/** Who voted, from the stored trail (the public one names no one while the vote is open). */
async function votesRecorded(proposalId: string): Promise<string[]> {
  const events = await proposalRepository.listEvents(proposalId);
  return events.filter((e) => e.type === 'VOTE_CAST').map((e) => e.detail!.member as string);
}

async function castBy(secret: string, decision = 'REJECT') {
  return w.api.call('POST', `/ballots/${secret}`, { body: { decision, reason: '理由說明' } });
}

beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

describe('ballot links', () => {
  let proposal: string;
  let secrets: Record<string, string>;

  beforeAll(async () => {
    proposal = await w.flow.proposalUnderReview();
    secrets = {};
    for (const member of MEMBERS) secrets[member] = w.secretOf(await w.flow.ballotLink(member, proposal));
  });

  it('random secrets and near misses of real ones open nothing and record nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretShaped,
        fc.constantFrom(...MEMBERS),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        async (random, member, at, by, useNearMiss) => {
          tried('ballots');
          const secret = useNearMiss ? nearMiss(secrets[member]!, at, by) : random;
          fc.pre(!Object.values(secrets).includes(secret));
          const page = await w.api.get(`/ballots/${secret}`);
          expect(page.status).toBe(404);
          const cast = await castBy(secret);
          expect(cast.status).toBe(404);
          expect(cast.body.error.code).toBe('BALLOT_NOT_FOUND');
        },
      ),
      { numRuns: 150 },
    );
    expect(await votesRecorded(proposal)).toEqual([]);
  });

  it("a member's link votes only as that member, whatever the body claims", async () => {
    const res = await attempt('ballots', () =>
      w.api.call('POST', `/ballots/${secrets.convener}`, {
        body: { decision: 'APPROVE', reason: '', memberId: 'civil-1', member: 'civil-1' },
      }),
    );
    // Either refused as an unknown field, or recorded for the convener: never for civil-1.
    if (res.status === 200) expect(res.body.member).toBe('陳志明');
    else expect(res.status).toBe(400);
    const recorded = await votesRecorded(proposal);
    expect(recorded.filter((m) => m !== '陳志明')).toEqual([]);
    expect((await ballotRepository.get(proposal, 1, 'civil-1'))!.value.cast).toBeUndefined();
  });

  it('a replayed vote is refused (410) and recorded once', async () => {
    const first = await castBy(secrets['civil-2']!, 'REJECT');
    expect(first.status).toBe(200);
    for (const decision of ['REJECT', 'APPROVE', 'RECUSE']) {
      await attempt('ballots', async () => {
        const again = await castBy(secrets['civil-2']!, decision);
        expect(again.status).toBe(410);
        expect(again.body.error.code).toBe('BALLOT_USED');
      });
    }
    expect((await votesRecorded(proposal)).filter((m) => m === '黃建國')).toHaveLength(1);
    expect((await ballotRepository.get(proposal, 1, 'civil-2'))!.value.cast!.decision).toBe('REJECT');
  });

  it('an expired link records nothing', async () => {
    await w.flow.advance('P15D'); // past the 14-day vote (and its one extension needs no quorum here)
    const before = await votesRecorded(proposal);
    for (const member of ['scholar-1', 'scholar-2', 'industry-1']) {
      await attempt('ballots', async () => {
        const res = await castBy(secrets[member]!, 'APPROVE');
        expect(res.status).toBe(410);
        expect(res.body.error.code).toMatch(/^BALLOT_(EXPIRED|SUPERSEDED)$/);
      });
    }
    expect(await votesRecorded(proposal)).toEqual(before);
  });
});

describe('links of an old version', () => {
  it('record nothing once the proposal was revised and sent to a new vote', async () => {
    // Prepare: a vote that ends in "changes requested", then a revision submitted for a new vote.
    const proposal = await w.flow.proposalUnderReview();
    const old: Record<string, string> = {};
    for (const member of MEMBERS) old[member] = w.secretOf(await w.flow.ballotLink(member, proposal));
    for (const member of ['convener', 'agency-rep', 'civil-1', 'civil-2'])
      expect((await castBy(old[member]!, 'REQUEST_CHANGES')).status).toBe(200);
    await w.runtime.settle();
    expect(await w.flow.status(proposal)).toBe('CHANGES_REQUESTED');
    const current = (await w.api.get(`/fee-proposals/${proposal}`)).body;
    const revised = validProposal({
      effectiveFrom: current.effectiveFrom,
      title: current.title,
      justification: { ...current.justification, publicInterest: '補充說明公益考量。' },
    });
    expect((await w.api.put(`/fee-proposals/${proposal}`, revised, w.tokens.owner)).status).toBe(200);
    expect((await w.api.post(`/fee-proposals/${proposal}/submit`, {}, w.tokens.owner)).status).toBe(202);
    await w.runtime.settle();
    expect(await w.flow.status(proposal)).toBe('UNDER_REVIEW');
    const votesBefore = await votesRecorded(proposal);

    // Act + Assess: every old link, used or not, is refused.
    for (const member of MEMBERS) {
      await attempt('ballots', async () => {
        const res = await castBy(old[member]!, 'APPROVE');
        expect(res.status).toBe(410);
        expect(res.body.error.code).toMatch(/^BALLOT_(SUPERSEDED|USED)$/);
      });
    }
    expect(await votesRecorded(proposal)).toEqual(votesBefore);
  });
});

describe('how long a lookup takes', () => {
  /**
   * A lookup's time follows the table reads it makes: one that skips reads for an unknown secret
   * answers faster by whole reads. So the test counts, deterministically, the reads and their
   * kinds for an unknown, a known-but-used and a near-miss secret: they must be the same.
   * (Timing medians were tried first and flaked on a loaded machine by hundredths of a
   * millisecond; `npm run bench` is where times are measured.)
   */
  it('makes the same table reads whether or not a secret exists', async () => {
    const proposal = await w.flow.proposalUnderReview();
    const used = w.secretOf(await w.flow.ballotLink('convener', proposal));
    expect((await castBy(used, 'APPROVE')).status).toBe(200);
    const base = w.secretOf(await w.flow.ballotLink('agency-rep', proposal));
    const client = dynamoDocumentClient();
    const reads: string[] = [];
    const counting = new Proxy(client, {
      get(target, key, receiver) {
        if (key !== 'send') return Reflect.get(target, key, receiver);
        return (
          command: { constructor: { name: string }; input: Record<string, any> },
          ...rest: unknown[]
        ) => {
          // The local runtime's deadline tick queries due deadlines on its own schedule: not a lookup's read.
          const due = command.input.ExpressionAttributeValues?.[':pk'] === 'DEADLINES';
          if (!due)
            reads.push(`${command.constructor.name}:${String(command.input.Key?.pk ?? '').split('#')[0]}`);
          return (target.send as (...a: unknown[]) => unknown)(command, ...rest);
        };
      },
    });
    const readsOf = async (secret: string) => {
      reads.length = 0;
      setDynamoDocumentClient(counting);
      try {
        await openBallot(secret).catch(() => undefined);
      } finally {
        setDynamoDocumentClient(client);
      }
      return [...reads].sort().join(',');
    };
    const ROUNDS = 60;
    for (let i = 0; i < ROUNDS; i++) {
      const known = await readsOf(used);
      expect(known.length).toBeGreaterThan(0);
      expect(await readsOf(fc.sample(secretShaped, 1)[0]!)).toBe(known);
      expect(await readsOf(nearMiss(base, Math.floor(Math.random() * 32), 5))).toBe(known);
    }
    tried('ballots', 3 * ROUNDS);
  });
});
