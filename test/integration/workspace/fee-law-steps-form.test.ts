// The steps of 規費法 §10 from the proposal's page in the workspace: after a favourable vote the
// page lists the three steps and the form of the next one; each is recorded through the API's use
// case, a refusal (a date to come, an announcement without its URL) shown by its field in both
// languages with nothing recorded, and the announcement takes the proposal to ANNOUNCED.
import { describe, expect, it } from 'vitest';
import { FEE_LAW_STEPS, MEMBERS, reviewRuntime, taipeiToday } from '../../support/review-flow.ts';
import { signInAs } from '../../support/workspace.ts';

const review = reviewRuntime();

const fold = (text: string) => text.replace(/\s+/g, ' ');

describe('the §10 steps on the proposal’s page', () => {
  it('records the three steps in order from the form, refusing what the law does not allow by its field', async () => {
    // Prepare: an approved proposal.
    const { flow } = review;
    const id = await flow.proposalUnderReview();
    for (const member of MEMBERS.slice(0, 4))
      expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
    await review.runtime.settle();
    expect(await flow.status(id)).toBe('APPROVED');
    const today = await taipeiToday(review.api);
    const { client } = await signInAs(review.runtime.url, 'nlsc-clerk');
    const page = `/agency/proposals/${id}`;
    const action = `${page}/steps`;

    // Act: the page, then a consent dated in the future.
    const shown = await client.get(page);
    const future = await client.post(action, {
      step: 'FEE_AUTHORITY_CONSENT',
      date: '2099-01-01',
      reference: FEE_LAW_STEPS[0].reference,
    });

    // Assert
    expect(shown.status).toBe(200);
    expect(fold(shown.text)).toContain('規費法第十條程序');
    expect(shown.text).toContain(`action="${action}"`);
    expect(shown.text).toContain('name="step" value="FEE_AUTHORITY_CONSENT"');
    expect(future.status).toBe(422);
    expect(future.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fold(future.text)).toMatch(/id="f-date-error">\s*2099-01-01 尚未到來（今日為 \d{4}-\d\d-\d\d）。/);
    expect(future.text).toContain('value="2099-01-01"');
    expect((await review.api.get(`/fee-proposals/${id}`)).body.feeLawSteps ?? []).toEqual([]);

    // Act: consent and filing today; then the announcement without its URL, then with it.
    for (const step of FEE_LAW_STEPS.slice(0, 2)) {
      const done = await client.post(action, { step: step.step, date: today, reference: step.reference });
      expect(done.status, done.text.slice(0, 300)).toBe(303);
      expect(done.location).toBe(`${page}?done=step`);
    }
    const noUrl = await client.post(action, {
      step: 'ANNOUNCEMENT',
      date: today,
      reference: FEE_LAW_STEPS[2].reference,
    });
    const announced = await client.post(action, {
      step: 'ANNOUNCEMENT',
      date: today,
      reference: FEE_LAW_STEPS[2].reference,
      url: 'https://gazette.nat.gov.tw/egFront/detail.do?id=1',
    });

    // Assert
    expect(noUrl.status).toBe(422);
    expect(fold(noUrl.text)).toContain('請填公告收費基準之公報或公告網址。');
    expect(announced.status).toBe(303);
    expect(await flow.status(id)).toBe('ANNOUNCED');
    const after = fold((await client.get(`${page}?done=step`)).text);
    expect(after).toContain('已記錄。');
    for (const step of FEE_LAW_STEPS) expect(after).toContain(step.reference);
    expect(after).not.toContain(`action="${action}"`);
  });

  it('refuses the form on a proposal that awaits no step, with a page', async () => {
    const id = await review.flow.proposalSubmitted();
    const { client } = await signInAs(review.runtime.url, 'nlsc-clerk');
    const res = await client.post(`/agency/proposals/${id}/steps`, {
      step: 'FEE_AUTHORITY_CONSENT',
      date: await taipeiToday(review.api),
      reference: FEE_LAW_STEPS[0].reference,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).not.toContain('action="/agency/proposals/');
  });
});
