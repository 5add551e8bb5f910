/** Steps of a review that many tests share, taken through the public HTTP API and the outbox. */
import { afterAll, beforeAll, expect } from 'vitest';
import { taipeiDate } from '#domain/taipei-time';
import { SEED } from '#local/seed';
import { apiClient, startTestRuntime } from './runtime.ts';
import { validProposal } from './fixtures.ts';
import { linksIn, mailsTo } from './outbox.ts';
import type { LocalRuntime } from '#local/runtime';

export const MEMBERS = [
  'convener',
  'agency-rep',
  'civil-1',
  'civil-2',
  'scholar-1',
  'scholar-2',
  'industry-1',
] as const;
export const memberEmail = (id: string) => `${id}@advisory.example.tw`;

/** The steps of 規費法 §10 in their order, each with a believable document number. */
export const FEE_LAW_STEPS = [
  { step: 'FEE_AUTHORITY_CONSENT', reference: '財政部台財稅字第 11400000010 號' },
  { step: 'COUNCIL_FILING', reference: '立法院議字第 1140000200 號' },
  { step: 'ANNOUNCEMENT', reference: '內授測字第 1140000300 號' },
] as const;

/** Today's date in Taiwan on the runtime's clock. */
export async function taipeiToday(api: ReturnType<typeof apiClient>): Promise<string> {
  return taipeiDate((await api.get('/_local/clock')).body.now as string);
}

/**
 * The set-up the review tests share: a local runtime for the test file (started before its tests,
 * closed after them), a client of its API, a token of the seeded subordinate agency and the review's
 * steps taken with it. Its fields are set once the runtime runs: read them in tests and hooks.
 */
export function reviewRuntime() {
  const review = {} as {
    runtime: LocalRuntime;
    api: ReturnType<typeof apiClient>;
    agency: string;
    flow: ReturnType<typeof reviewFlow>;
  };
  beforeAll(async () => {
    review.runtime = await startTestRuntime();
    review.api = apiClient(review.runtime);
    review.agency = await review.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
    review.flow = reviewFlow(review.runtime, review.agency);
  });
  afterAll(async () => review.runtime?.close());
  return review;
}

export function reviewFlow(runtime: LocalRuntime, agencyToken: string) {
  const api = apiClient(runtime);
  let counter = 0;
  const titles = new Map<string, string>();
  const advance = async (by: string) =>
    expect((await api.post('/_local/clock', { advanceBy: by })).status).toBe(200);

  /** A proposal drafted, and submitted for consultation. */
  async function proposalSubmitted(overrides: Record<string, unknown> = {}): Promise<string> {
    // Far enough ahead that an approval stays APPROVED however far a test moves the clock.
    // Each proposal gets its own title, by which the mails about it are told apart.
    counter += 1;
    const title = { zh: `第 ${counter} 號收費基準`, en: `Fee schedule no. ${counter}` };
    const created = await api.post(
      '/fee-proposals',
      validProposal({ effectiveFrom: '2031-01-01', title, ...overrides }),
      agencyToken,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    titles.set(id, title.en);
    expect((await api.post(`/fee-proposals/${id}/submit`, {}, agencyToken)).status).toBe(202);
    return id;
  }

  /** A proposal submitted and taken through a comment-free consultation to the vote. */
  async function proposalUnderReview(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await proposalSubmitted(overrides);
    await advance('P61D');
    expect((await api.get(`/fee-proposals/${id}`)).body.status).toBe('UNDER_REVIEW');
    return id;
  }

  /** The newest ballot link mailed to a member for this proposal. */
  async function ballotLink(memberId: string, proposalId: string): Promise<string> {
    const mails = await mailsTo(runtime.url, memberEmail(memberId));
    const title = titles.get(proposalId) ?? proposalId;
    const links = mails
      .filter((m) => (m.subject ?? '').endsWith(`: ${title}`) || (m.text ?? '').includes(proposalId))
      .flatMap(linksIn)
      .filter((l) => l.includes('/ballots/'));
    const link = links.at(-1);
    if (!link) throw new Error(`no ballot link mailed to ${memberId}`);
    return link;
  }

  async function vote(link: string, decision: string, reason = decision === 'APPROVE' ? '' : '理由說明') {
    return fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision, reason }),
    });
  }

  async function status(id: string): Promise<string> {
    return (await api.get(`/fee-proposals/${id}`)).body.status;
  }

  /** The steps of 規費法 §10 for an approved proposal, dated today in Taiwan: → ANNOUNCED. */
  async function announce(id: string, extra: { effectiveFrom?: string } = {}) {
    const today = await taipeiToday(api);
    for (const step of FEE_LAW_STEPS) {
      const res = await api.post(
        `/fee-proposals/${id}/steps`,
        {
          step: step.step,
          date: today,
          reference: step.reference,
          ...(step.step === 'ANNOUNCEMENT'
            ? { url: 'https://gazette.nat.gov.tw/egFront/detail.do?id=1', ...extra }
            : {}),
        },
        agencyToken,
      );
      expect(res.status, res.text).toBe(200);
    }
    expect(await status(id)).toBe('ANNOUNCED');
  }

  return { api, advance, proposalSubmitted, proposalUnderReview, ballotLink, vote, status, announce };
}
