// Test tiers (see test/README.md): unit = pure code, no network; integration = real local services;
// e2e = real Chromium on the pages; infra = CDK template assertions and handler bundles.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The reliability tier's closing summary (prints nothing when no reliability test ran).
    reporters: ['default', './test/reliability/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // The first PDF test of a file parses the 5.4 MB font and loads pdfjs: well under a second
          // alone, past vitest's default 5 s when the machine's cores are shared with other work.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/integration/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/reliability/global-setup.ts'],
          setupFiles: ['test/integration/setup-env.ts', 'test/reliability/setup-tally.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: each file starts its own browser and local runtime.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          // The Lambda bundles as the CDK wrapper builds them, run by the local runtime (test/bundles).
          name: 'bundles',
          include: ['test/bundles/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/bundles/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          // Synthesizing the stacks and bundling handlers takes seconds, not milliseconds.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
    ],
  },
});
