// A review end to end on the deployed bundles: submitted, the notice mailed through a throttling
// SES that the workflow's Retry must outlast (the task bundle's error must reach the ASL by its
// class name), a consultation closed by its deadline, the vote from mailed links on the ballot
// pages, and the decision published as JSON and PDF, its mails outlasting a throttle that hits after
// the decision is recorded (the retried step sends each mail once: SES itself takes no key).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { pdfText, squash } from '../support/pdf-text.ts';
import { mailsTo } from '../support/outbox.ts';
import { FEE_LAW_STEPS, MEMBERS, memberEmail, reviewFlow, taipeiToday } from '../support/review-flow.ts';
import { startBundleRuntime } from './support.ts';

/** SES's SDK client tries 4 times before the mailer gives up: one invocation of the notice task fails. */
const THROTTLED_SENDS = 4;

let runtime: LocalRuntime;
let flow: ReturnType<typeof reviewFlow>;
/** SendEmail calls to pass before the next THROTTLED_SENDS are throttled (none once it is below 0). */
let sendsBeforeThrottle = 0;
let agency: string;

const THROTTLE = { status: 429, code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' };

beforeAll(async () => {
  runtime = await startBundleRuntime({
    awsFaults: ({ service, operation }) => {
      if (service !== 'sesv2' || operation !== 'SendEmail') return undefined;
      sendsBeforeThrottle -= 1;
      return sendsBeforeThrottle < 0 && sendsBeforeThrottle >= -THROTTLED_SENDS ? THROTTLE : undefined;
    },
  });
  agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  flow = reviewFlow(runtime, agency);
});
afterAll(async () => runtime?.close());

const events = async (id: string): Promise<string[]> =>
  (await flow.api.get(`/fee-proposals/${id}/events`)).body.items.map((e: { type: string }) => e.type);

describe('a review on the deployed bundles', () => {
  let id: string;

  it('outlasts a throttled notice mail by the workflow retry, then closes the consultation at its deadline', async () => {
    id = await flow.proposalUnderReview();
    const sends = runtime.aws!.calls.filter((c) => c.operation === 'SendEmail');
    expect(sends.slice(0, THROTTLED_SENDS).every((c) => c.failed)).toBe(true);
    expect(sends.slice(THROTTLED_SENDS).some((c) => c.failed)).toBe(false);
    const types = await events(id);
    expect(types.filter((t) => t === 'NOTICE_PUBLISHED')).toHaveLength(1);
    expect(types).not.toContain('REVIEW_STOPPED');
    // The deadline went through Scheduler, and the report PDF through S3.
    const operations = new Set(runtime.aws!.calls.map((c) => `${c.service}:${c.operation}`));
    expect(operations).toContain('scheduler:CreateSchedule');
    expect(operations).toContain('s3:PutObject');
    const report = await fetch(`${runtime.url}/fee-proposals/${id}/consultation-report?format=pdf`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/pdf');
  });

  it('takes the votes from the ballot pages of the mailed links and publishes the decision', async () => {
    const link = await flow.ballotLink(MEMBERS[0], id);
    const page = await fetch(link, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form');
    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    // The decision step's first mail (the agency's) goes out, the next is throttled until the
    // step fails after the decision is recorded; its retry (within the retrier's 60 s, jittered)
    // must send the rest.
    sendsBeforeThrottle = 1;
    await flow.advance('PT1S');
    await flow.advance('PT2M');
    expect(await flow.status(id)).toBe('APPROVED');
    const outcomeMails = async (address: string) =>
      (await mailsTo(runtime.url, address))
        .filter((m) => (m.subject ?? '').includes('Fee schedule no. 1'))
        .filter((m) => (m.subject ?? '').startsWith('審議結果'));
    expect(await outcomeMails('opendata@nlsc.example.tw')).toHaveLength(1);
    for (const member of MEMBERS) expect(await outcomeMails(memberEmail(member))).toHaveLength(1);
    const failedSends = runtime.aws!.calls.filter((c) => c.operation === 'SendEmail' && c.failed);
    expect(failedSends).toHaveLength(2 * THROTTLED_SENDS);
    const decision = await fetch(`${runtime.url}/fee-proposals/${id}/decision?format=pdf`);
    expect(decision.status).toBe(200);
    const text = squash(await pdfText(Buffer.from(await decision.arrayBuffer())));
    expect(text).toContain(squash('第 1 號收費基準'));
    expect(await events(id)).not.toContain('REVIEW_STOPPED');
  });

  it('re-issues the decision record after a step of 規費法 §10, rendered by the render function', async () => {
    const [consent] = FEE_LAW_STEPS;
    const invokes = () =>
      runtime.aws!.calls.filter((c) => c.service === 'lambda' && c.operation === 'Invoke').length;
    const before = invokes();
    const recorded = await flow.api.post(
      `/fee-proposals/${id}/steps`,
      { step: consent.step, date: await taipeiToday(flow.api), reference: consent.reference },
      agency,
    );
    expect(recorded.status, recorded.text).toBe(200);
    expect(invokes()).toBe(before + 1);
    const latest = await fetch(`${runtime.url}/fee-proposals/${id}/decision?format=pdf`);
    const text = squash(await pdfText(Buffer.from(await latest.arrayBuffer())));
    expect(text).toContain(squash('第 1 次修訂 Revision 1'));
    expect(text).toContain(squash(consent.reference));
  });
});
