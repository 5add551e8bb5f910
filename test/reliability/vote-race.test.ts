// The vote race: two approvals in, then the votes that make the result certain sent at the same
// moment as others staggered 0–120 ms behind them, on 50 proposals. Close, then count: every vote
// answered 200 is in the decision as cast, every other one is refused with 410 BALLOT_CLOSED and
// counted nowhere. The 50 reviews are set up a few at a time, under a limit that follows progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS, memberEmail } from '../support/review-flow.ts';
import { linksIn, mailsTo, outbox } from '../support/outbox.ts';
import { withProgress } from './support/progress.ts';
import { attempt } from './support/tally.ts';
import { startWorld } from './support/world.ts';
import type { World } from './support/world.ts';

const RUNS = 50;
/** Proposals created at once: the local runtime runs their reviews side by side. */
const AT_ONCE = 5;
/** The longest the set-up or the race may go without a step finishing (a batch, a ballot, a run). */
const STALL_MS = 60_000;
let w: World;
let proposals: string[];
/** proposal id → member id → ballot link */
const links = new Map<string, Map<string, string>>();

/** How many mails the outbox holds for `address`. */
const mailed = async (address: string) =>
  (await outbox(w.runtime.url)).filter((e) => e.to.includes(address)).length;

// Fifty reviews to the vote take what they take on shared cores: the set-up fails only when it
// stops making progress (withProgress), not after a fixed time.
beforeAll(
  () =>
    withProgress('the vote race set-up', STALL_MS, async (progressed) => {
      w = await startWorld();
      progressed();
      proposals = [];
      while (proposals.length < RUNS) {
        const batch = Math.min(AT_ONCE, RUNS - proposals.length);
        proposals.push(...(await Promise.all(Array.from({ length: batch }, () => w.inConsultation()))));
        progressed();
      }
      // Every consultation closes at once; each review then publishes its report and opens its vote,
      // mailing each member a ballot: the convener's ballots mailed so far are the progress.
      const convener = memberEmail(MEMBERS[0]!);
      const before = await mailed(convener);
      let done = false;
      const closed = (async () => {
        await w.flow.advance('P61D');
        await w.runtime.settle();
        done = true;
      })();
      let seen = 0;
      while (!done) {
        const now = (await mailed(convener)) - before;
        if (now > seen) progressed();
        seen = now;
        await Promise.race([closed, sleep(1000)]);
      }
      await closed;
      for (const member of MEMBERS) {
        for (const mail of await mailsTo(w.runtime.url, memberEmail(member))) {
          const id = proposals.find((p) => (mail.text ?? '').includes(`/consultations/${p}`));
          const link = linksIn(mail).find((l) => l.includes('/ballots/'));
          if (!id || !link) continue;
          if (!links.has(id)) links.set(id, new Map());
          links.get(id)!.set(member, link);
        }
        progressed();
      }
      expect(links.size).toBe(RUNS);
    }),
  0,
);
afterAll(() => w?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the vote race', () => {
  it(
    `counts every vote answered 200 and refuses every later one with 410, ${RUNS} times`,
    () =>
      withProgress('the vote race', STALL_MS, async (progressed) => {
        let late = 0;
        for (const [run, id] of proposals.entries()) {
          await attempt('vote race', async () => {
            const link = (member: string) => links.get(id)!.get(member)!;
            for (const member of MEMBERS.slice(0, 2))
              expect((await w.flow.vote(link(member), 'APPROVE')).status).toBe(200);
            // Two approvals make four of seven: certain. Three rejections race them.
            const racing = MEMBERS.slice(2).map((member, i) => ({
              member,
              decision: i < 2 ? 'APPROVE' : 'REJECT',
              delay: i < 2 ? 0 : (run * 37 + i * 53) % 121,
            }));
            const answers = await Promise.all(
              racing.map(async (r) => {
                await sleep(r.delay);
                const res = await w.flow.vote(link(r.member), r.decision);
                return { ...r, status: res.status, body: (await res.json()) as any };
              }),
            );
            await w.runtime.settle();
            const decision = (await w.api.get(`/fee-proposals/${id}/decision`)).body;
            expect(decision.outcome, JSON.stringify(decision)).toBeDefined();
            const position = new Map<string, string | null>(
              decision.positions.map((p: any) => [p.memberId, p.decision]),
            );
            const accepted = [
              ...MEMBERS.slice(0, 2).map((member) => ({ member, decision: 'APPROVE' })),
              ...answers.filter((a) => a.status === 200),
            ];
            for (const a of answers) {
              expect([200, 410], JSON.stringify(a)).toContain(a.status);
              if (a.status === 410) expect(a.body.error.code).toBe('BALLOT_CLOSED');
            }
            for (const a of accepted) expect(position.get(a.member), a.member).toBe(a.decision);
            for (const a of answers.filter((x) => x.status === 410))
              expect(position.get(a.member)).toBeNull();
            expect(decision.tally.cast).toBe(accepted.length);
            const cast = (await w.api.get(`/fee-proposals/${id}/events`)).body.items.filter(
              (e: any) => e.type === 'VOTE_CAST',
            );
            expect(cast).toHaveLength(accepted.length);
            late += answers.filter((a) => a.status === 410).length;
          });
          progressed();
        }
        // The race is real: some ballots arrived after the close.
        expect(late).toBeGreaterThan(0);
      }),
    0,
  );
});
