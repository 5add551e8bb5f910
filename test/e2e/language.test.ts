// A reader chooses the language with the switch in the page header and stays in it: every link
// followed afterwards answers in that language (the choice is remembered in a cookie), until the
// switch is used again. Traditional Chinese is the default; an English browser starts in English.
import { expect, it } from 'vitest';
import { SEED } from '#local/seed';
import { confirmationSecrets, requestAndConfirm } from '../support/licenses.ts';
import { linkSecrets } from '../support/outbox.ts';
import { reviewFlow } from '../support/review-flow.ts';
import { screenshot } from './support/browser.ts';
import { browserRuntime } from './support/browser-runtime.ts';

const w = browserRuntime();

const documentLang = () => w.page.locator('html').getAttribute('lang');

it('switches to English and stays in it across links, then back to Chinese', async () => {
  // Prepare: the browser asks for zh-TW, so the home page opens in Traditional Chinese.
  await w.page.goto(new URL('/', w.runtime.url).href);
  expect(await documentLang()).toBe('zh-Hant-TW');
  await expect(w.page.locator('h1').textContent()).resolves.toContain('政府資料收費審議與授權');

  // Act: the switch, then a dataset link, then a mistyped address.
  await w.page.getByRole('link', { name: 'English' }).click();
  const home = { lang: await documentLang(), h1: await w.page.locator('h1').textContent() };
  await screenshot(w.page, 'language-home-en');
  await w.page.locator(`a[href="/datasets/${SEED.datasets.onApplication}"]`).first().click();
  const dataset = { lang: await documentLang(), text: await w.page.locator('main').innerText() };
  await w.page.goto(new URL('/no-such-page', w.runtime.url).href);
  const missing = await w.page.locator('main').innerText();

  // Assess
  expect(home).toEqual({ lang: 'en', h1: 'Open data fee review and licensing' });
  expect(dataset.lang).toBe('en');
  expect(dataset.text).toContain('License');
  expect(dataset.text).not.toMatch(/\p{Script=Han}/u);
  expect(missing).toContain('Page not found');

  // Act: back to Chinese, and it sticks as well.
  await w.page.getByRole('link', { name: '中文' }).click();
  expect(await documentLang()).toBe('zh-Hant-TW');
  await w.page.goto(new URL(`/datasets/${SEED.datasets.open}`, w.runtime.url).href);
  expect(await documentLang()).toBe('zh-Hant-TW');
  await expect(w.page.locator('main').innerText()).resolves.not.toContain('Licensed free of charge');
});

it('opens in English for a browser that prefers it, with nothing chosen yet', async () => {
  const response = await fetch(new URL('/', w.runtime.url), {
    headers: { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9' },
  });
  expect(await response.text()).toContain('<html lang="en">');
});

/** Each page's own words in each language: what it must show in that one and never in the other. */
const LABELS = {
  consultation: {
    zh: [
      '一、提案',
      '二、收費必要性',
      '收費項目一覽',
      '公開意見及機關回覆',
      '提出意見',
      '送出意見',
      '臺北時間',
    ],
    en: [
      'The proposal',
      'Why a fee',
      'Fee table',
      'Comments and the agency’s replies',
      'Comment on this proposal',
      'Send comment',
      'Taipei time',
    ],
  },
  ballot: {
    zh: ['投票截止', '收費項目一覽', '成本明細', '您的決定', '送出投票', '臺北時間'],
    en: ['Voting deadline', 'Fee table', 'Cost lines', 'Your decision', 'Cast my vote', 'Taipei time'],
  },
  license: {
    zh: ['授權證明書已核發', '證書編號', '下載授權證明書', '顯名聲明', '我的授權', '寄送我的授權連結'],
    en: [
      'Your license certificate is issued.',
      'Certificate No.',
      'Download the certificate (PDF)',
      'Attribution statement',
      'My licenses',
      'Mail me a link to my licenses',
    ],
  },
  'license-confirmation': {
    zh: ['確認您的授權申請', '提供機關', '被授權人', '您的電子郵件地址不會公開', '確認'],
    en: [
      'Confirm your license request',
      'Provided by',
      'Licensee',
      'Your e-mail address is never shown.',
      'Confirm',
    ],
  },
  'comment-confirmation': {
    zh: ['確認您的意見', '您對下列提案提出了意見', '已驗證電子郵件'],
    en: ['Confirm your comment', 'You commented on', 'verified address'],
  },
} as const;

it('shows the consultation with its comment form, a ballot, a license and the mailed confirmation links in the chosen language alone, and at 390 px', async () => {
  // Prepare: a proposal at its vote (a member's ballot link), one open for comment, an issued license,
  // and the confirmation links mailed for a license request and a comment.
  const token = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const flow = reviewFlow(w.runtime, token);
  const underReview = await flow.proposalUnderReview();
  const ballot = await flow.ballotLink('scholar-1', underReview);
  const open = await flow.proposalSubmitted();
  const license = await requestAndConfirm(flow.api, w.runtime.url, {
    datasetId: SEED.datasets.open,
    licensee: { name: 'Lin Hsiao-hua', email: 'language@example.tw' },
    purpose: 'ACADEMIC',
  });
  expect(license.status, license.text).toBe(200);
  await flow.api.post('/licenses', {
    datasetId: SEED.datasets.open,
    licensee: { name: 'Chen Ta-wen', email: 'language-pending@example.tw' },
    purpose: 'COMMERCIAL',
  });
  const [licenseSecret] = await confirmationSecrets(w.runtime.url, 'language-pending@example.tw');
  await flow.api.post(`/fee-proposals/${open}/comments`, {
    body: 'Please publish the cost basis.',
    author: { email: 'language-comment@example.tw' },
  });
  const [commentSecret] = await linkSecrets(
    w.runtime.url,
    'language-comment@example.tw',
    'comment-verifications',
  );
  const visits = {
    consultation: `/consultations/${open}`,
    ballot,
    license: `/licenses/${license.body.id as string}`,
    'license-confirmation': `/license-confirmations/${licenseSecret!}`,
    'comment-confirmation': `/comment-verifications/${commentSecret!}`,
  };
  await w.page.setViewportSize({ width: 390, height: 844 });

  for (const lang of ['en', 'zh'] as const) {
    for (const [name, path] of Object.entries(visits) as [keyof typeof LABELS, string][]) {
      // Act: the page by the switch's own link, ?lang=
      const url = new URL(path, w.runtime.url);
      url.searchParams.set('lang', lang);
      await w.page.goto(url.href);
      const text = await w.page.locator('main').innerText();
      const fits = await w.page.evaluate<boolean>(
        'document.documentElement.scrollWidth <= window.innerWidth',
      );
      await screenshot(w.page, `language-${name}-${lang}-390`);

      // Assess
      expect(await documentLang(), name).toBe(lang === 'en' ? 'en' : 'zh-Hant-TW');
      for (const label of LABELS[name][lang]) expect(text, `${name} in ${lang}`).toContain(label);
      for (const label of LABELS[name][lang === 'en' ? 'zh' : 'en']) {
        expect(text, `${name} in ${lang}`).not.toContain(label);
      }
      expect(fits, `${name} in ${lang} at 390 px`).toBe(true);
    }
  }
});

it('confirms a comment from its mailed link in English and answers in English', async () => {
  // Prepare: a comment whose confirmation link the reader opens and switches to English.
  const token = await w.runtime.issuer.mint({ role: 'agency', agencyId: SEED.subordinate });
  const open = await reviewFlow(w.runtime, token).proposalSubmitted();
  const email = 'language-confirm@example.tw';
  await reviewFlow(w.runtime, token).api.post(`/fee-proposals/${open}/comments`, {
    body: 'Please publish the cost basis.',
    author: { email },
  });
  const [secret] = await linkSecrets(w.runtime.url, email, 'comment-verifications');
  await w.page.setViewportSize({ width: 390, height: 844 });
  await w.page.goto(new URL(`/comment-verifications/${secret!}`, w.runtime.url).href);
  await w.page.getByRole('link', { name: 'English' }).click();
  // Act
  await w.page.getByRole('button', { name: 'Confirm' }).click();
  // Assess
  expect(await documentLang()).toBe('en');
  const text = await w.page.locator('main').innerText();
  expect(text).toContain('Thank you: your comment is marked as coming from a verified address.');
  expect(text).not.toMatch(/\p{Script=Han}/u);
  await screenshot(w.page, 'comment-confirmed-en-390');
});
