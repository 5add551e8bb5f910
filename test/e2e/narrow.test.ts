// Every public page at a phone's width (390 px) and a desktop's (1280 px): the document is never
// wider than the viewport (tables scroll inside their own box), with a screenshot of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, startTestRuntime } from '../support/runtime.ts';
import { confirmationSecrets, myLicensesSecrets, requestAndConfirm } from '../support/licenses.ts';
import { linkSecrets } from '../support/outbox.ts';
import { reviewFlow } from '../support/review-flow.ts';
import { validProposal } from '../support/fixtures.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';
import { openBrowser, screenshot, type TestBrowser } from './support/browser.ts';
import { signInInBrowser } from './support/workspace.ts';
import { stopReview } from '../support/stopped-review.ts';

let runtime: LocalRuntime;
let browser: TestBrowser;
let page: Page;
const pages: [string, string][] = [];
const FOLLOWER = 'narrow-follower@example.tw';
/** The agency workspace's pages, for the NLSC clerk. */
const deskPages: [string, string][] = [];
/** The operator console's pages. */
const consolePages: [string, string][] = [['workspace-operator', '/operator']];

beforeAll(async () => {
  runtime = await startTestRuntime();
  // A confirmed subscriber to every consultation, whose news of the next one brings an unsubscribe link.
  await apiClient(runtime).post('/subscriptions', { email: FOLLOWER });
  const [confirmLink] = await linkSecrets(runtime.url, FOLLOWER, 'subscriptions');
  await apiClient(runtime).post(`/subscriptions/${confirmLink!}`, {});
  const agencyToken = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const flow = reviewFlow(runtime, agencyToken);
  const id = await flow.proposalUnderReview();
  const api = apiClient(runtime);
  // For the workspace: a draft, and a proposal in consultation with a comment to answer.
  const draft = (
    await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agencyToken)
  ).body.id as string;
  const consult = (
    await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agencyToken)
  ).body.id as string;
  expect((await api.post(`/fee-proposals/${consult}/submit`, {}, agencyToken)).status).toBe(202);
  const comment = await api.post(`/fee-proposals/${consult}/comments`, {
    body: '請說明每幅圖的人工檢核時間如何估算，並公開計算方式。',
    author: { name: '陳民眾' },
  });
  expect(comment.status, comment.text).toBe(201);
  // For the console: a stopped review, at its restart.
  const stopped = await flow.proposalSubmitted();
  await runtime.settle();
  await stopReview(stopped);
  consolePages.push(['operator-review-stopped', `/operator/reviews/${stopped}`]);
  deskPages.push(
    ['desk-dashboard', '/agency'],
    ['desk-proposals', '/agency/proposals'],
    ['desk-new-proposal', '/agency/proposals/new'],
    ['desk-draft', `/agency/proposals/${draft}`],
    ['desk-edit', `/agency/proposals/${draft}/edit`],
    ['desk-preview', `/agency/proposals/${draft}/preview`],
    ['desk-check', `/agency/proposals/${draft}/check`],
    ['desk-under-review', `/agency/proposals/${id}`],
    ['desk-withdraw', `/agency/proposals/${consult}/withdraw`],
    ['desk-consultations', '/agency/consultations'],
    ['desk-consultation', `/agency/consultations/${consult}`],
    ['desk-answer', `/agency/consultations/${consult}/comments/${comment.body.id as string}`],
  );
  // For the licenses desk: a request awaiting payment, and a certificate of the NLSC's (paid).
  const onApplication = (email: string) =>
    requestAndConfirm(api, runtime.url, {
      datasetId: SEED.datasets.onApplication,
      licensee: { name: '王小明', organization: '小明測量事務所', email },
      purpose: 'COMMERCIAL',
    });
  const awaiting = await onApplication('narrow-awaiting@example.tw');
  expect(awaiting.status, awaiting.text).toBe(200);
  const toPay = await onApplication('narrow-paid@example.tw');
  const paid = await api.post(
    `/licenses/${toPay.body.id as string}/payment`,
    { amountTwd: toPay.body.quote.totalTwd, reference: 'NARROW-1' },
    agencyToken,
  );
  expect(paid.status, paid.text).toBe(200);
  deskPages.push(
    ['desk-datasets', '/agency/datasets'],
    ['desk-new-dataset', '/agency/datasets/new'],
    ['desk-edit-dataset', `/agency/datasets/${SEED.datasets.onApplication}/edit`],
    ['desk-licensing', '/agency/licensing'],
    ['desk-payment', `/agency/licensing/${awaiting.body.id as string}/payment`],
    ['desk-revoke', `/agency/licensing/certificates/${paid.body.certificate.number as string}/revoke`],
  );
  const issued = await requestAndConfirm(api, runtime.url, {
    datasetId: SEED.datasets.open,
    licensee: { name: '林小華', organization: '臺灣開放資料研究室', email: 'narrow@example.tw' },
    purpose: 'ACADEMIC',
  });
  expect(issued.status, issued.text).toBe(200);
  await api.post('/licenses', {
    datasetId: SEED.datasets.open,
    licensee: { name: '陳大文', email: 'narrow-pending@example.tw' },
    purpose: 'COMMERCIAL',
  });
  const [pendingSecret] = await confirmationSecrets(runtime.url, 'narrow-pending@example.tw');
  await api.post('/my-licenses', { email: 'narrow@example.tw' });
  const [mine] = await myLicensesSecrets(runtime.url, 'narrow@example.tw');
  const [unsubscribe] = await linkSecrets(runtime.url, FOLLOWER, 'unsubscribe');
  pages.push(
    ['home', '/'],
    ['archive', '/archive'],
    ['consultation', `/consultations/${id}`],
    ['report', `/consultations/${id}/report`],
    ['decision-pending', `/consultations/${id}/decision`],
    ['audit-trail', `/consultations/${id}/events`],
    ['ballot', await flow.ballotLink('scholar-1', id)],
    ['dataset-open', `/datasets/${SEED.datasets.open}`],
    ['dataset-on-application', `/datasets/${SEED.datasets.onApplication}`],
    ['dataset-not-provided', `/datasets/${SEED.datasets.notProvided}`],
    ['fee-schedules', `/datasets/${SEED.datasets.onApplication}/fee-schedules`],
    ['license-request', `/licenses/new?datasetId=${SEED.datasets.onApplication}`],
    ['license-issued', `/licenses/${issued.body.id as string}`],
    ['license-confirmation', `/license-confirmations/${pendingSecret!}`],
    ['verify', `/certificates/${issued.body.certificate.number as string}/verify`],
    ['my-licenses-form', '/my-licenses/new'],
    ['my-licenses-sent', '/my-licenses/new?sent=1'],
    ['my-licenses', `/my-licenses/${mine}`],
    ['subscribe', `/subscriptions/new?proposalId=${id}`],
    ['subscribe-sent', '/subscriptions/new?sent=1'],
    ['subscription-confirmed', `/subscriptions/${confirmLink!}`],
    ['unsubscribe', `/unsubscribe/${unsubscribe!}`],
    ['verify-unknown', '/certificates/OGDL-2099-999999/verify'],
    ['not-found', '/no-such-page'],
    ['signed-out', '/sign-out'],
    // Unsigned, /agency leads to the local provider's sign-in page.
    ['sign-in-provider', '/agency'],
  );
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

/** Loads `path` and checks the document is no wider than the viewport, with a screenshot; its status. */
async function expectFits(name: string, path: string, width: number): Promise<number | undefined> {
  const response = await page.goto(new URL(path, runtime.url).href);
  // Written as a string: it runs in the browser, whose globals the project's Node types do not know.
  const { documentWidth, viewport, wide } = await page.evaluate<{
    documentWidth: number;
    viewport: number;
    wide: string[];
  }>(`({
    documentWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    // What sticks out, named in the failure message.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent ?? '').slice(0, 30)),
  })`);
  await screenshot(page, `${name}-${width}`);
  expect(documentWidth, `${name} at ${width} px: ${wide.join(' | ')}`).toBeLessThanOrEqual(viewport);
  return response?.status();
}

describe.each([390, 1280])('at %i px', (width) => {
  it('lays out every page without horizontal overflow', async () => {
    await page.setViewportSize({ width, height: 844 });
    for (const [name, path] of pages) await expectFits(name, path, width);
  });

  it('lays out the workspace without horizontal overflow: the agency’s desks and the operator console', async () => {
    await page.setViewportSize({ width, height: 844 });
    await signInInBrowser(page, runtime.url, 'nlsc-clerk', '/agency');
    for (const [name, path] of deskPages) expect(await expectFits(name, path, width), name).toBe(200);
    await page.getByRole('button', { name: /登出/ }).click();
    await page.waitForURL(`${runtime.url}/sign-out`);
    await signInInBrowser(page, runtime.url, 'operator', '/operator');
    for (const [name, path] of consolePages) expect(await expectFits(name, path, width), name).toBe(200);
    await page.getByRole('button', { name: /登出/ }).click();
    await page.waitForURL(`${runtime.url}/sign-out`);
  });
});

it('keeps the proposal’s headings on a line at 390 px and hints that wide tables scroll', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(new URL(pages.find(([name]) => name === 'consultation')![1], runtime.url).href);
  // A heading squeezed to one character a line would be many times taller than its text.
  const tallest = await page.$$eval('main dt', (els) =>
    Math.max(...els.map((e) => e.getBoundingClientRect().height)),
  );
  expect(tallest).toBeLessThan(80);
  const hint = page.locator('.scroll').first();
  expect(
    await hint.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el, '::before').content),
  ).toContain('左右捲動');
});
