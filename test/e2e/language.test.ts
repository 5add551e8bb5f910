// A reader chooses the language with the switch in the page header and stays in it: every link
// followed afterwards answers in that language (the choice is remembered in a cookie), until the
// switch is used again. Traditional Chinese is the default; an English browser starts in English.
import { expect, it } from 'vitest';
import { SEED } from '#local/seed';
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
