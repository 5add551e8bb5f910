// The pages of a mailed confirmation link (a comment's, a license request's) in the language the
// reader chose: from a real mail in the outbox to its link's page, then its button, whose page (or the
// page it leads to) stays in that language though the post itself names none; Traditional Chinese
// when nothing was chosen.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, startTestRuntime } from '../../support/runtime.ts';
import { validProposal } from '../../support/fixtures.ts';
import { linksIn, mailsTo } from '../../support/outbox.ts';
import { SEED } from '#local/seed';
import type { LocalRuntime } from '#local/runtime';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;
let proposalId: string;

const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The page's own text: no style, tags or attributes. */
const shown = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
const actionOf = (markup: string) => /<form method="post" action="([^"]+)"/.exec(markup)?.[1];
/** The one link under `/<prefix>/` of the mails to `email`. */
async function mailedLink(email: string, prefix: string): Promise<string> {
  const found = new Set(
    (await mailsTo(runtime.url, email)).flatMap(linksIn).filter((l) => l.includes(prefix)),
  );
  expect([...found], email).toHaveLength(1);
  return [...found][0]!;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiClient(runtime);
  const agency = await runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  proposalId = (await api.post('/fee-proposals', validProposal({ effectiveFrom: '2031-01-01' }), agency)).body
    .id as string;
  expect((await api.post(`/fee-proposals/${proposalId}/submit`, {}, agency)).status).toBe(202);
});
afterAll(async () => runtime?.close());

it('opens a comment’s confirmation link in English for an English reader, and confirms in English', async () => {
  // Prepare
  const email = 'reader-en@example.tw';
  const sent = await api.post(
    `/fee-proposals/${proposalId}/comments`,
    { body: 'Please publish the cost basis.', author: { email } },
    undefined,
    ENGLISH,
  );
  expect(sent.status, sent.text).toBe(201);
  const link = await mailedLink(email, '/comment-verifications/');
  // Act
  const opened = await fetch(link, { headers: ENGLISH });
  const markup = await opened.text();
  const action = actionOf(markup);
  // The button's post, with no language of its own: no header, no cookie.
  const confirmed = await fetch(new URL(action!, runtime.url), { method: 'POST', headers: FORM, body: '' });
  const confirmedMarkup = await confirmed.text();
  const again = await (await fetch(link)).text();
  // Assess
  expect(opened.status).toBe(200);
  expect(markup).toContain('<html lang="en">');
  expect(shown(markup)).toContain('Confirm your comment');
  expect(shown(markup).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
  expect(confirmed.status).toBe(200);
  expect(confirmedMarkup).toContain('<html lang="en">');
  expect(shown(confirmedMarkup)).toContain(
    'Thank you: your comment is marked as coming from a verified address.',
  );
  expect(shown(confirmedMarkup).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
  // Opened again with nothing chosen: Traditional Chinese alone.
  expect(again).toContain('<html lang="zh-Hant-TW">');
  expect(shown(again)).toContain('此意見先前已確認。');
  expect(shown(again)).not.toContain('This comment was confirmed before.');
});

it('says an unknown comment link cannot be used in the language of the switch', async () => {
  const unknown = `${runtime.url}/comment-verifications/${'A'.repeat(32)}`;
  const en = await fetch(`${unknown}?lang=en`);
  const zh = await fetch(unknown);
  expect(en.status).toBe(404);
  const enText = shown(await en.text());
  expect(enText).toContain('This link is not known.');
  expect(enText.replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
  const zhText = shown(await zh.text());
  expect(zhText).toContain('找不到此連結');
  expect(zhText).not.toContain('This link is not known.');
});

it('opens a license request’s confirmation link in the language of the switch, and its button keeps it', async () => {
  // Prepare: the request in Chinese; the reader switches the link's page to English.
  const email = 'licensee-en@example.tw';
  const requested = await api.post('/licenses', {
    datasetId: SEED.datasets.open,
    licensee: { name: 'Lin Hsiao-hua', email },
    purpose: 'ACADEMIC',
  });
  expect(requested.status, requested.text).toBe(202);
  const link = await mailedLink(email, '/license-confirmations/');
  // Act
  const chinese = await (await fetch(link)).text();
  const opened = await fetch(`${link}?lang=en`);
  const markup = await opened.text();
  const confirmed = await fetch(new URL(actionOf(markup)!, runtime.url), {
    method: 'POST',
    headers: FORM,
    body: '',
    redirect: 'manual',
  });
  const cookie = confirmed.headers.get('set-cookie')?.split(';')[0];
  const license = await (
    await fetch(new URL(confirmed.headers.get('location')!, runtime.url), {
      headers: { cookie: cookie ?? '' },
    })
  ).text();
  // Assess
  expect(shown(chinese)).toContain('確認您的授權申請');
  expect(shown(chinese)).not.toContain('Confirm your license request');
  expect(opened.status).toBe(200);
  expect(markup).toContain('<html lang="en">');
  for (const text of ['Confirm your license request', 'Licensee Lin Hsiao-hua', 'Academic research']) {
    expect(shown(markup)).toContain(text);
  }
  expect(shown(markup).replace('中文', '')).not.toMatch(/\p{Script=Han}/u);
  expect(confirmed.status).toBe(303);
  // The post remembers the page's language, so the license's page it leads to is English too.
  expect(cookie).toBe('lang=en');
  expect(license).toContain('<html lang="en">');
  expect(shown(license)).toContain('Your license certificate is issued.');
});
