// The reliability tier shares the integration tier's in-memory dynalite (for tests that build
// their own engine on a table) and gives every test file a folder to write what it tried into.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import startDynalite from '../integration/global-setup.ts';
import { TALLY_DIR_ENV } from './support/tally.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    tallyDir: string;
  }
}

export default async function setup(project: TestProject) {
  const stopDynalite = await startDynalite(project);
  // The summary reporter runs in this process and reads the folder back after the run.
  const tallyDir = mkdtempSync(join(tmpdir(), 'ogdl-reliability-'));
  process.env[TALLY_DIR_ENV] = tallyDir;
  project.provide('tallyDir', tallyDir);
  return stopDynalite;
}
