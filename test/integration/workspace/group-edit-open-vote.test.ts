// Editing an advisory group while it holds a vote open: a member holding a ballot cannot be removed
// (nor given another id) or renamed, each refusal by its field in both languages with nothing
// stored; their address may change, and the vote's reminder then goes to the new one, with a link
// that votes as that member. Once no vote is open, the same removal is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime.ts';
import { signInAs } from '../../support/workspace.ts';
import type { WorkspaceClient } from '../../support/workspace.ts';
import { reviewFlow } from '../../support/review-flow.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import type { LocalRuntime } from '#local/runtime';
import { SEED } from '#local/seed';
import { advisoryGroupRepository } from '#ports/registry-repository';
import { proposalRepository } from '#ports/proposal-repository';
import { applyMemberAction, groupValues } from '#http/group-edit-form';

let runtime: LocalRuntime;
let operator: WorkspaceClient;
let flow: ReturnType<typeof reviewFlow>;
let proposal: string;
const PATH = `/operator/advisory-groups/${SEED.group}`;

/** The stored group as its form posts it, with a row removed or fields changed. */
async function form(changes: Record<string, string>, removeRow?: number): Promise<Record<string, string>> {
  const found = await advisoryGroupRepository.getVersioned(SEED.group);
  let values = groupValues(found!.value, found!.revision);
  if (removeRow !== undefined) values = applyMemberAction(values, { kind: 'remove-member', row: removeRow });
  return { ...values, action: 'save', ...changes };
}

/** The row of a member in the stored group's form. */
async function rowOf(memberId: string): Promise<number> {
  return (await advisoryGroupRepository.get(SEED.group))!.members.findIndex((m) => m.id === memberId);
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
  proposal = await flow.proposalUnderReview();
  await runtime.settle();
  const review = (await proposalRepository.get(proposal))!.value.review;
  expect(review?.closed).toBe(false);
  expect(review?.members.map((m) => m.id)).toContain('scholar-2');
  ({ client: operator } = await signInAs(runtime.url, 'operator'));
});
afterAll(async () => runtime?.close());

describe('editing a group that holds an open vote', () => {
  it('refuses to remove a member holding a ballot, naming them in both languages, and stores nothing', async () => {
    const before = await advisoryGroupRepository.getVersioned(SEED.group);
    const res = await operator.post(PATH, await form({}, await rowOf('scholar-2')));
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="f-members-error"');
    expect(res.text).toContain('href="#f-members"');
    expect(res.text).toContain('在進行中的投票持有選票，投票結束前不能移除');
    expect(res.text).toContain('hold ballots in an open vote');
    expect(res.text).toContain(`scholar-2，${proposal}`);
    expect(await advisoryGroupRepository.getVersioned(SEED.group)).toEqual(before);
  });

  it('refuses another id on a ballot holder’s row the same way', async () => {
    const row = await rowOf('civil-2');
    const res = await operator.post(PATH, await form({ [`members.${row}.id`]: 'civil-2b' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="f-members-error"');
    expect((await advisoryGroupRepository.get(SEED.group))!.members.map((m) => m.id)).toContain('civil-2');
  });

  it('refuses to rename a member holding a ballot, by the name field', async () => {
    const row = await rowOf('civil-1');
    const res = await operator.post(PATH, await form({ [`members.${row}.name`]: '另一位委員' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain(`id="f-members-${row}-name-error"`);
    expect(res.text).toMatch(
      new RegExp(
        `id="f-members-${row}-name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-members-${row}-name"`,
        's',
      ),
    );
    expect(res.text).toContain('投票結束前不能更改姓名');
    expect(res.text).toContain('the name stays until the vote closes');
    expect(res.text).toContain('value="另一位委員"');
  });

  it('saves a new address, where the vote’s reminder then goes, with a link that votes as the member', async () => {
    const row = await rowOf('civil-1');
    const res = await operator.post(
      PATH,
      await form({ [`members.${row}.email`]: 'civil-1.new@advisory.example.tw' }),
    );
    expect(res.status).toBe(303);
    // The reminder, two days before the 14-day vote's deadline.
    await flow.advance('P12DT1H');
    await runtime.settle();
    const links = (await mailsTo(runtime.url, 'civil-1.new@advisory.example.tw'))
      .flatMap(linksIn)
      .filter((l) => l.includes('/ballots/'));
    expect(links.length).toBeGreaterThan(0);
    const voted = await flow.vote(links.at(-1)!, 'APPROVE');
    expect(voted.status).toBe(200);
  });

  it('saves the same removal once no vote is open', async () => {
    // The vote closes at its deadline (quorum or not, it is decided or extended; run it to the end).
    for (let i = 0; i < 4; i++) {
      const review = (await proposalRepository.get(proposal))!.value.review;
      if (!review || review.closed) break;
      await flow.advance('P15D');
      await runtime.settle();
    }
    expect((await proposalRepository.get(proposal))!.value.review?.closed ?? true).toBe(true);
    // The clock moved weeks on: the session of the morning has expired, so sign in again.
    ({ client: operator } = await signInAs(runtime.url, 'operator'));
    const res = await operator.post(PATH, await form({}, await rowOf('scholar-2')));
    expect(res.status).toBe(303);
    expect((await advisoryGroupRepository.get(SEED.group))!.members.map((m) => m.id)).not.toContain(
      'scholar-2',
    );
  });
});
