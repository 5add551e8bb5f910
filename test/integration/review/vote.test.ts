import { describe, expect, it } from 'vitest';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo, outbox, readMail } from '../../support/outbox.ts';
import { MEMBERS, reviewRuntime } from '../../support/review-flow.ts';
import { SEED } from '#local/seed';
import { fireDeadline } from '#usecases/deadlines';

const review = reviewRuntime();

async function events(id: string): Promise<string[]> {
  return (await review.flow.api.get(`/fee-proposals/${id}/events`)).body.items.map((e: any) => e.type);
}

describe('the advisory vote from links in e-mails', () => {
  it('mails each of the seven members a packet with a personal link, the fee table and the report', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS) {
      const link = await review.flow.ballotLink(member, id);
      expect(link).toMatch(/\/ballots\/[A-Za-z0-9_-]{32}$/);
    }
    const [packet] = (await mailsTo(review.runtime.url, 'convener@advisory.example.tw')).slice(-1);
    expect(packet?.text).toContain('NT$200');
    expect(packet?.text).toContain(`/consultations/${id}/report`);
    expect(packet?.text).toContain(`/consultations/${id}\n`);
    // The packet goes out at least five days before the deadline.
    const proposal = (await review.flow.api.get(`/fee-proposals/${id}`)).body;
    expect(Date.parse(proposal.review.deadline) - packet!.date!.getTime()).toBeGreaterThanOrEqual(
      5 * 86_400_000,
    );
  });

  it('decides early once four of seven approve, and publishes the schedule', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
    const decision = (await review.flow.api.get(`/fee-proposals/${id}/decision`)).body;
    expect(decision.outcome).toBe('APPROVED');
    expect(
      decision.positions.filter((p: any) => p.decision === 'APPROVE').map((p: any) => p.name),
    ).toHaveLength(4);
    expect(decision.positions.filter((p: any) => p.decision === null)).toHaveLength(3);
    // The group recommends; the schedule is published only once the agency announces it (規費法 §10).
    const history = () =>
      review.flow.api
        .get(`/datasets/${SEED.datasets.onApplication}`)
        .then((r) => r.body.feeSchedules.history);
    expect((await history()).map((h: any) => h.proposalId)).not.toContain(id);
    await review.flow.announce(id);
    expect(await history()).toContainEqual(
      expect.objectContaining({ proposalId: id, status: 'ANNOUNCED', reviewBy: '2034-01-01' }),
    );
    // A late member's link now explains that the vote is over.
    const late = await fetch(await review.flow.ballotLink('industry-1', id));
    expect(late.status).toBe(410);
  });

  it('says during the vote only that a member voted; names and positions appear with the decision', async () => {
    const id = await review.flow.proposalUnderReview();
    expect(
      (await review.flow.vote(await review.flow.ballotLink('convener', id), 'REJECT', '收費過高')).status,
    ).toBe(200);
    const during = (await review.flow.api.get(`/fee-proposals/${id}/events`)).body.items.filter(
      (e: any) => e.type === 'VOTE_CAST',
    );
    expect(during).toHaveLength(1);
    expect(during[0].actor).toEqual({ kind: 'member' });
    expect(during[0].detail).toBeUndefined();
    expect(JSON.stringify(during)).not.toContain('convener');
    for (const member of MEMBERS.slice(1, 5))
      expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
    const after = (await review.flow.api.get(`/fee-proposals/${id}/events`)).body.items.filter(
      (e: any) => e.type === 'VOTE_CAST',
    );
    expect(after).toHaveLength(5);
    expect(after[0]).toMatchObject({
      actor: { kind: 'member', id: 'convener' },
      detail: { decision: 'REJECT' },
    });
  });

  it('answers a ballot that arrives after the vote closed with the 410 page saying when it closed', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
    const late = await fetch(await review.flow.ballotLink('industry-1', id), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=REJECT&reason=%E5%A4%AA%E8%B2%B4',
    });
    expect(late.status).toBe(410);
    const page = await late.text();
    expect(page).toContain('投票已結束，您的選票未被計入');
    expect(page).not.toContain('The vote closed before your ballot arrived');
    const json = await review.flow.vote(await review.flow.ballotLink('industry-1', id), 'REJECT');
    expect(json.status).toBe(410);
    expect(((await json.json()) as any).error.code).toBe('BALLOT_CLOSED');
    const decision = (await review.flow.api.get(`/fee-proposals/${id}/decision`)).body;
    expect(decision.positions.find((p: any) => p.memberId === 'industry-1').decision).toBeNull();
  });

  it('makes the approved schedule effective at 00:00 Taipei time on its effective date', async () => {
    const now = new Date((await review.flow.api.get('/_local/clock')).body.now);
    const effectiveFrom = new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    const id = await review.flow.proposalUnderReview({ effectiveFrom });
    for (const member of MEMBERS.slice(0, 4))
      await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE');
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
    await review.flow.announce(id);
    await review.flow.advance('P30D');
    expect(await review.flow.status(id)).toBe('EFFECTIVE');
    const dataset = (await review.flow.api.get(`/datasets/${SEED.datasets.onApplication}`)).body;
    expect(dataset.feeSchedules.inForce).toMatchObject({
      proposalId: id,
      status: 'EFFECTIVE',
      effectiveFrom,
    });
  });

  it('reminds members who have not voted with a fresh link, two days before the deadline', async () => {
    const id = await review.flow.proposalUnderReview();
    const first = await review.flow.ballotLink('scholar-2', id);
    expect((await review.flow.vote(await review.flow.ballotLink('convener', id), 'APPROVE')).status).toBe(
      200,
    );
    const convenerMails = (await mailsTo(review.runtime.url, 'convener@advisory.example.tw')).length;
    await review.flow.advance('P12DT1H');
    const fresh = await review.flow.ballotLink('scholar-2', id);
    expect(fresh).not.toBe(first);
    expect((await fetch(first)).status).toBe(410); // superseded by the reminder's link
    expect((await fetch(fresh)).status).toBe(200);
    expect((await mailsTo(review.runtime.url, 'convener@advisory.example.tw')).length).toBe(convenerMails); // voted: no reminder
  });

  it('mails a reminder fired twice once, and keeps the link it mailed working', async () => {
    const id = await review.flow.proposalUnderReview();
    await review.flow.advance('P12DT1H');
    const reminded = await review.flow.ballotLink('scholar-2', id);
    const mailed = (await mailsTo(review.runtime.url, 'scholar-2@advisory.example.tw')).length;

    // The deadline function retried (a later member's mail failed the first run), or fired by the sweep.
    await fireDeadline({ kind: 'VOTE_REMINDER', proposalId: id, version: 1, round: 1 });

    expect((await mailsTo(review.runtime.url, 'scholar-2@advisory.example.tw')).length).toBe(mailed);
    expect((await fetch(reminded)).status).toBe(200);
  });

  it('rejects when the majority rejects', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      await review.flow.vote(await review.flow.ballotLink(member, id), 'REJECT', '收費過高');
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('REJECTED');
    expect(await events(id)).toContain('DECIDED_REJECTED');
  });

  it('excludes a recused member from the seats: 3 of 6 remaining is a quorum, 4 approvals of 6 decide', async () => {
    const id = await review.flow.proposalUnderReview();
    await review.flow.vote(
      await review.flow.ballotLink('industry-1', id),
      'RECUSE',
      '本人任職之公司為主要申請者',
    );
    for (const member of MEMBERS.slice(0, 2))
      await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE');
    await review.flow.vote(await review.flow.ballotLink('civil-1', id), 'REJECT', '不同意');
    await review.flow.advance('P15D'); // past the 14-day deadline: 3 votes cast of 6 seats meets the quorum
    expect(await review.flow.status(id)).toBe('APPROVED');
    const decision = (await review.flow.api.get(`/fee-proposals/${id}/decision`)).body;
    expect(decision.tally).toMatchObject({ seats: 6, recused: 1, cast: 3, quorum: 3, quorumMet: true });
  });

  it('extends once without a quorum, then returns the proposal as not decided', async () => {
    const id = await review.flow.proposalUnderReview();
    await review.flow.vote(await review.flow.ballotLink('convener', id), 'APPROVE');
    await review.flow.advance('P15D');
    expect(await review.flow.status(id)).toBe('UNDER_REVIEW');
    expect(await events(id)).toContain('VOTE_EXTENDED');
    // The deadline that moved, fired again (a retry): the extension's link still opens, no mail twice.
    const extended = await review.flow.ballotLink('scholar-2', id);
    const mailed = (await mailsTo(review.runtime.url, 'scholar-2@advisory.example.tw')).length;
    expect(await fireDeadline({ kind: 'VOTE_DEADLINE', proposalId: id, version: 1, round: 1 })).toBe(
      'NOT_YET',
    );
    expect((await mailsTo(review.runtime.url, 'scholar-2@advisory.example.tw')).length).toBe(mailed);
    expect((await fetch(extended)).status).toBe(200);
    await review.flow.advance('P8D');
    expect(await review.flow.status(id)).toBe('NOT_DECIDED');
    expect((await review.flow.api.get(`/fee-proposals/${id}/decision`)).body.tallyOutcome).toBe('NO_QUORUM');
  });

  it('goes back to consultation after changes are requested and a fee item is changed, then is approved', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      await review.flow.vote(await review.flow.ballotLink(member, id), 'REQUEST_CHANGES', '請調降單價');
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('CHANGES_REQUESTED');
    const oldLink = await review.flow.ballotLink('scholar-1', id);

    const revised = validProposal({ effectiveFrom: '2031-01-01' });
    revised.items[0]!.amountTwd = 150;
    expect((await review.flow.api.put(`/fee-proposals/${id}`, revised, review.agency)).status).toBe(200);
    const resubmitted = await review.flow.api.post(`/fee-proposals/${id}/submit`, {}, review.agency);
    expect(resubmitted.body).toMatchObject({
      status: 'IN_CONSULTATION',
      version: 2,
      consultation: { round: 2 },
    });
    expect((await fetch(oldLink)).status).toBe(410); // the old version's ballot is void

    await review.flow.advance('P61D');
    expect(await review.flow.status(id)).toBe('UNDER_REVIEW');
    for (const member of MEMBERS.slice(0, 4))
      expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
  });

  it('goes straight to a new vote after a revision that leaves every fee item unchanged', async () => {
    const id = await review.flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      await review.flow.vote(await review.flow.ballotLink(member, id), 'REQUEST_CHANGES', '請補充法令依據');
    await review.flow.advance('PT1S');
    expect(
      (
        await review.flow.api.put(
          `/fee-proposals/${id}`,
          validProposal({
            effectiveFrom: '2031-01-01',
            legalBasis: '規費法第 10 條；政府資訊公開法第 22 條',
          }),
          review.agency,
        )
      ).status,
    ).toBe(200);
    const resubmitted = await review.flow.api.post(`/fee-proposals/${id}/submit`, {}, review.agency);
    expect(resubmitted.body.status).toBe('UNDER_REVIEW');
    await review.flow.advance('PT1S');
    for (const member of MEMBERS.slice(0, 4))
      expect((await review.flow.vote(await review.flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.flow.advance('PT1S');
    expect(await review.flow.status(id)).toBe('APPROVED');
  });
});

describe('links that must not record a vote', () => {
  it('records nothing when a scanner fetches every link in every mail of a review with GET and HEAD', async () => {
    // The mails of this review only: those of the file's earlier reviews hold the same kinds of links,
    // and fetching them all as well grows with every test before this one.
    const earlier = new Set((await outbox(review.runtime.url)).map((entry) => entry.id));
    const id = await review.flow.proposalUnderReview();
    const entries = (await outbox(review.runtime.url)).filter((entry) => !earlier.has(entry.id));
    const links = new Set<string>();
    for (const entry of entries)
      for (const link of linksIn(await readMail(review.runtime.url, entry.id))) links.add(link);
    expect([...links].filter((l) => l.includes('/ballots/')).length).toBeGreaterThanOrEqual(7);
    for (const link of links) {
      if (!link.startsWith(review.runtime.url)) continue;
      await fetch(link);
      await fetch(link, { method: 'HEAD' });
    }
    await review.flow.advance('PT1S');
    expect(await events(id)).not.toContain('VOTE_CAST');
    expect(await review.flow.status(id)).toBe('UNDER_REVIEW');
  });

  it('answers a second POST, an expired link and a random secret with explaining pages', async () => {
    const id = await review.flow.proposalUnderReview();
    const link = await review.flow.ballotLink('civil-2', id);
    expect((await review.flow.vote(link, 'APPROVE')).status).toBe(200);
    const again = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=REJECT&reason=x',
    });
    expect(again.status).toBe(410);
    const page = await again.text();
    expect(page).toContain('<!doctype html>');
    expect(page).toContain('同意'); // shows what was recorded

    const random = await fetch(link.replace(/[^/]+$/, 'A'.repeat(32)));
    expect(random.status).toBe(404);
    expect(await random.text()).toContain('<!doctype html>');

    const unused = await review.flow.ballotLink('scholar-2', id);
    await review.flow.advance('P30D'); // past the deadline and its one extension
    const expired = await fetch(unused);
    expect(expired.status).toBe(410);
  });

  it('gives exactly one decision and one released callback when all seven vote at the same instant', async () => {
    const id = await review.flow.proposalUnderReview();
    const links = await Promise.all(MEMBERS.map((m) => review.flow.ballotLink(m, id)));
    const results = await Promise.all(links.map((link) => review.flow.vote(link, 'APPROVE')));
    expect(results.map((r) => r.status)).toEqual(Array(7).fill(200));
    await review.flow.advance('PT1S');
    const types = await events(id);
    expect(types.filter((t) => t === 'VOTE_CAST')).toHaveLength(7);
    expect(types.filter((t) => t === 'STEP_RELEASED_VOTE')).toHaveLength(1);
    expect(types.filter((t) => t.startsWith('DECIDED_'))).toEqual(['DECIDED_APPROVED']);
  });
});
