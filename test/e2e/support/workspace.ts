/**
 * Signing in to the workspace in a real browser: the workspace page sends Chromium to /sign-in,
 * the local provider's page lists the seeded people, and a click on one signs in as them.
 *
 *   await signInInBrowser(page, runtime.url, 'nlsc-clerk', '/agency');   // ends on /agency
 */
import type { Page } from 'playwright-core';
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
