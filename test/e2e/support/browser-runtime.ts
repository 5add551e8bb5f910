/**
 * The set-up the browser tests share: a local runtime and one Chromium page for the test file
 * (started before its tests, closed after them). Its fields are set once both run: read them in
 * tests and hooks, as `reviewRuntime()` (test/support/review-flow.ts) does for the review tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { LocalRuntime } from '#local/runtime';
import { startTestRuntime } from '../../support/runtime.ts';
import { openBrowser, type TestBrowser } from './browser.ts';

export function browserRuntime() {
  const world = {} as { runtime: LocalRuntime; browser: TestBrowser; page: Page };
  beforeAll(async () => {
    world.runtime = await startTestRuntime();
    world.browser = await openBrowser();
    world.page = await world.browser.newPage();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.runtime?.close();
  });
  return world;
}
