/**
 * Signing in to the workspace in a real browser: the workspace page sends Chromium to /sign-in,
 * the local provider's page lists the seeded people, and a click on one signs in as them.
 *
 *   await signInInBrowser(page, runtime.url, 'nlsc-clerk', '/agency');   // ends on /agency
 */
import { expect } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { screenshot } from './browser.ts';
import { SEED } from '#local/seed';
import type { SeededPerson } from '../../support/workspace.ts';

export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  person: SeededPerson,
  returnTo = '/agency',
): Promise<void> {
  const { name } = SEED.people.find((p) => p.sub === person)!;
  await page.goto(new URL(`/sign-in?return=${encodeURIComponent(returnTo)}`, baseUrl).href);
  await page.getByRole('button', { name: `以 ${name} 登入` }).click();
  await page
    .waitForURL((url) => url.pathname === returnTo.split('?')[0], { timeout: 10_000 })
    .catch(async () => {
      throw new Error(
        `Signing in as ${person} ended on ${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 300)}`,
      );
    });
}

/** Screenshots of the page at 1280 and 390 px, each checked to be no wider than its viewport; 1280 px after. */
export async function shotsAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await screenshot(page, `${name}-${width}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `${name} is wider than ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

export interface WorkspaceAnswer {
  url: string;
  status: number;
  type: string;
}

/** Every answer from the workspace (/agency…) with a body that the page receives from now on (a redirect has none). */
export function workspaceAnswers(page: Page): WorkspaceAnswer[] {
  const answers: WorkspaceAnswer[] = [];
  page.on('response', (r: Response) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/agency') && (r.status() < 300 || r.status() >= 400))
      answers.push({ url: url.pathname, status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  return answers;
}
