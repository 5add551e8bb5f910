/**
 * The reliability tier's closing summary: cases tried per category (from the files each test
 * file wrote) and the tests that passed and failed. Prints nothing when no reliability test ran.
 */
import { rmSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { CATEGORIES, readTally, TALLY_DIR_ENV } from './support/tally.ts';

export default class ReliabilitySummary implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const modules = testModules.filter((m) => m.project.name === 'reliability');
    const dir = process.env[TALLY_DIR_ENV];
    if (modules.length === 0 || !dir) return;
    let passed = 0;
    let failed = 0;
    let knownGaps = 0;
    for (const module of modules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        // An `it.fails` that passes documents a known gap; it is not a check that passed.
        if (state === 'passed' && test.options.fails) knownGaps += 1;
        else if (state === 'passed') passed += 1;
        else if (state === 'failed') failedHere += 1;
      }
      // A file that failed outside its tests (a hook, an import) counts as one failure.
      failed += failedHere === 0 && module.state() === 'failed' ? 1 : failedHere;
    }
    const tally = readTally(dir);
    rmSync(dir, { recursive: true, force: true });
    const total = CATEGORIES.reduce((sum, c) => sum + tally.tried[c], 0);
    const casesFailed = CATEGORIES.reduce((sum, c) => sum + tally.failed[c], 0);
    const parts = CATEGORIES.map((c) => `${c} ${tally.tried[c]}`).join(', ');
    const lines = [
      '',
      `reliability: ${total} cases tried (${parts}), ${casesFailed + failed} failed`,
      ...(casesFailed > 0
        ? [`  failed cases: ${CATEGORIES.map((c) => `${c} ${tally.failed[c]}`).join(', ')}`]
        : []),
    ];
    if (knownGaps > 0) lines.push(`  known gaps still open (it.fails): ${knownGaps}`);
    if (failed === 0 && casesFailed === 0) lines.push(`${passed} passed, 0 failed`);
    else lines.push(`reliability tests: ${passed} passed, ${failed} failed`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
