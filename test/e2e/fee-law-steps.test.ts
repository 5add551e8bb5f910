// The steps of 規費法 §10 from the workspace in Chromium, signed in as the NLSC clerk: after a
// favourable vote the proposal's page offers the next step's form; each step is recorded from it in
// the law's order (an announcement without its URL refused by the field first), shown on the
// proposal's page as recorded, and seen by the public on the proposal's page and on its trail.
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '#local/seed';
import { FEE_LAW_STEPS, MEMBERS, reviewFlow, taipeiToday } from '../support/review-flow.ts';
import { apiClient } from '../support/runtime.ts';
import { browserRuntime } from './support/browser-runtime.ts';
import { shotsAtBothWidths, signInInBrowser, workspaceAnswers } from './support/workspace.ts';

const w = browserRuntime();
const GAZETTE = 'https://gazette.nat.gov.tw/egFront/detail.do?id=1';
let id = '';
let today = '';
let answers: ReturnType<typeof workspaceAnswers> = [];

beforeAll(async () => {
  // An approved proposal: four of the seven members approve.
  const agency = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const flow = reviewFlow(w.runtime, agency);
  id = await flow.proposalUnderReview();
  for (const member of MEMBERS.slice(0, 4))
    expect((await flow.vote(await flow.ballotLink(member, id), 'APPROVE')).status).toBe(200);
  await w.runtime.settle();
  expect(await flow.status(id)).toBe('APPROVED');
  today = await taipeiToday(apiClient(w.runtime));
  answers = workspaceAnswers(w.page);
});

const text = async () => ((await w.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
const record = async () =>
  Promise.all([
    w.page.waitForLoadState('load'),
    w.page.getByRole('button', { name: /記錄 Record the step/ }).click(),
  ]);

describe('the §10 steps from the workspace', () => {
  it('offers the first step’s form on the approved proposal’s page', async () => {
    // Act
    await signInInBrowser(w.page, w.runtime.url, 'nlsc-clerk', `/agency/proposals/${id}`);

    // Assess
    const body = await text();
    expect(body).toContain('規費法第十條程序');
    expect(body).toContain('記錄：規費主管機關同意');
    expect(await w.page.locator('input[name=step]').inputValue()).toBe('FEE_AUTHORITY_CONSENT');
    await shotsAtBothWidths(w.page, 'fee-law-steps-first');
  });

  it('records the fee authority’s consent and the filing, each shown as recorded with the next form', async () => {
    for (const [i, step] of FEE_LAW_STEPS.slice(0, 2).entries()) {
      // Act
      await w.page.locator('#f-date').fill(today);
      await w.page.locator('#f-reference').fill(step.reference);
      await record();

      // Assess
      expect(new URL(w.page.url()).pathname + new URL(w.page.url()).search).toBe(
        `/agency/proposals/${id}?done=step`,
      );
      const body = await text();
      expect(body).toContain('已記錄。');
      expect(body).toContain(`${today} · ${step.reference}`);
      expect(await w.page.locator('input[name=step]').inputValue()).toBe(FEE_LAW_STEPS[i + 1]!.step);
    }
    await shotsAtBothWidths(w.page, 'fee-law-steps-filed');
  });

  it('refuses the announcement without its URL by the field, in both languages, and records nothing', async () => {
    // Act
    await w.page.locator('#f-date').fill(today);
    await w.page.locator('#f-reference').fill(FEE_LAW_STEPS[2].reference);
    const [refused] = await Promise.all([
      w.page.waitForResponse((r) => r.request().method() === 'POST'),
      w.page.getByRole('button', { name: /記錄 Record the step/ }).click(),
    ]);
    await w.page.waitForLoadState('load');

    // Assess
    expect(refused.status()).toBe(422);
    expect(refused.headers()['content-type']).toMatch(/^text\/html/);
    expect(await w.page.locator('.error-summary a[href="#f-url"]').count()).toBe(1);
    expect(await w.page.locator('#f-url').getAttribute('aria-invalid')).toBe('true');
    expect(await w.page.locator('#f-url-error').textContent()).toContain(
      '請填公告收費基準之公報或公告網址。',
    );
    expect(await w.page.locator('#f-reference').inputValue()).toBe(FEE_LAW_STEPS[2].reference);
    expect((await apiClient(w.runtime).get(`/fee-proposals/${id}`)).body.status).toBe('APPROVED');
    await shotsAtBothWidths(w.page, 'fee-law-steps-refused');
  });

  it('records the announcement with its URL: the proposal is announced and no step is left to record', async () => {
    // Act
    await w.page.locator('#f-url').fill(GAZETTE);
    await record();

    // Assess
    const body = await text();
    for (const step of FEE_LAW_STEPS) expect(body).toContain(step.reference);
    expect(await w.page.locator(`a[href="${GAZETTE}"]`).count()).toBeGreaterThan(0);
    expect(await w.page.locator('input[name=step]').count()).toBe(0);
    expect((await apiClient(w.runtime).get(`/fee-proposals/${id}`)).body.status).toBe('ANNOUNCED');
    await shotsAtBothWidths(w.page, 'fee-law-steps-announced');
  });

  it('shows the public each step on the proposal’s page and on its trail', async () => {
    // Act
    await w.page.goto(`${w.runtime.url}/consultations/${id}`);

    // Assess: the decision's list of the steps, each with its date and reference.
    const proposalPage = await text();
    expect(proposalPage).toContain('規費法第 10 條程序');
    for (const step of FEE_LAW_STEPS) expect(proposalPage).toContain(step.reference);
    expect(proposalPage).not.toContain('尚未登錄');
    await shotsAtBothWidths(w.page, 'fee-law-steps-public');

    // Act
    await w.page.goto(`${w.runtime.url}/consultations/${id}/events`);

    // Assess
    const trail = await text();
    for (const label of ['規費主管機關同意', '送民意機關備查', '公告'])
      expect(trail).toContain(`機關登錄：${label}`);
    await shotsAtBothWidths(w.page, 'fee-law-steps-trail');
  });

  it('answered every workspace request with a page, never JSON', () => {
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.type, a.url).toMatch(/^text\/html/);
  });
});
