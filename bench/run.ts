// `npm run bench`: every benchmark part in turn, each in processes of its own, then the results as
// bench/results/latest.json and bench/results/latest.md. Not part of `npm test`: it measures, it asserts
// nothing, and it takes minutes. `npm run bench -- --soak` adds the busy-day soak (about 6 minutes more);
// `npm run bench -- --soak-only` runs the soak alone and prints its results without writing any file;
// `npm run bench -- --only bundles` measures only the HTTP bundles (bench/results/bundles.{json,md});
// `npm run bench -- --only report` runs part 6 alone (`--only report:long` only its 10,000 long comments)
// and prints its results without writing any file.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { apiUnderLoad } from './api-load.ts';
import { bundleSizes, bundlesMarkdown } from './bundle-sizes.ts';
import { HTTP_BUNDLE_BUDGET } from '../infra/aws/constructs/service-function.ts';
import { BENCH_DIR, runChild } from './child.ts';
import { certificates } from './certificates.ts';
import { coldStart, renderFirstRequest } from './cold-start.ts';
import { machine } from './machine.ts';
import { markdown, type Results, type WorkflowResult } from './report.ts';
import { startRuntimeChild } from './runtime-handle.ts';
import { BASELINE_COMMENTS, REPORT_COMMENTS, type ReportScaleResult } from './report-scale-kinds.ts';
import { scale } from './scale.ts';
import { soak, type SoakResult } from './soak.ts';
import { round } from './stats.ts';

const { values: flags } = parseArgs({
  options: {
    soak: { type: 'boolean', default: false },
    'soak-only': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const ONLY = ['bundles', 'report', 'report:long'];
if (flags.only !== undefined && !ONLY.includes(flags.only)) {
  throw new Error(
    `--only takes 'bundles' (the HTTP bundle sizes), 'report' or 'report:long' (part 6), not '${flags.only}'.`,
  );
}
const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const about = machine();

// Written as the project's formatter would write them, so `npm run lint` stays green after a run.
async function write(name: string, text: string): Promise<string> {
  mkdirSync(`${BENCH_DIR}results`, { recursive: true });
  const file = `${BENCH_DIR}results/${name}`;
  const formatted = await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  writeFileSync(file, formatted);
  return formatted;
}

async function soakPart(): Promise<SoakResult> {
  log('busy-day soak');
  const runtime = await startRuntimeChild('disk');
  return soak(runtime, log).finally(() => runtime.close());
}
if (flags['soak-only']) {
  log(JSON.stringify(await soakPart(), null, 2));
  process.exit(0);
}
if (flags.only === 'bundles') {
  const generatedAt = new Date().toISOString();
  const sizes = await bundleSizes();
  await write('bundles.json', JSON.stringify({ generatedAt, budget: HTTP_BUNDLE_BUDGET, bundles: sizes }));
  log(await write('bundles.md', bundlesMarkdown(sizes, generatedAt)));
  process.exit(0);
}

/** Part 6: the pages of a consultation of 10,000 comments against one of 10, and its report. */
async function reportPart(rounds: (readonly ['short' | 'long', number])[]): Promise<ReportScaleResult[]> {
  log('6/6 consultation of 10,000 comments: its pages, and its report');
  const reports: ReportScaleResult[] = [];
  for (const [kind, count] of rounds) {
    reports.push(await runChild<ReportScaleResult>('report-scale.ts', [kind, String(count)], 15 * 60_000));
  }
  return reports;
}
const REPORT_ROUNDS = [
  ['short', BASELINE_COMMENTS],
  ['short', REPORT_COMMENTS],
  ['long', REPORT_COMMENTS],
] as const;
if (flags.only === 'report' || flags.only === 'report:long') {
  const report = await reportPart(flags.only === 'report' ? [...REPORT_ROUNDS] : [REPORT_ROUNDS[2]]);
  const loadAverageAtEnd = loadavg().map((n) => Number(n.toFixed(2)));
  log(JSON.stringify({ machine: { ...about, loadAverageAtEnd }, report }, null, 2));
  process.exit(0);
}

log('1/6 certificate rendering');
const certificateResults = await certificates(log);

log('2/6 API under load');
const loadRuntime = await startRuntimeChild();
const api = await apiUnderLoad(loadRuntime).finally(() => loadRuntime.close());

log('3/6 workflow cost');
const workflow = await runChild<WorkflowResult>('workflow-cost.ts', [], 3 * 60_000);

log('4/6 cold start proxy');
const bundles = await coldStart();
const renderer = await renderFirstRequest();

log('5/6 scale');
const scaleRuntime = await startRuntimeChild();
const scaled = await scale(scaleRuntime).finally(() => scaleRuntime.close());

const reports = await reportPart([...REPORT_ROUNDS]);
const soaked = flags.soak ? await soakPart() : undefined;

const results: Results = {
  generatedAt: new Date().toISOString(),
  durationSeconds: round((performance.now() - started) / 1000, 0),
  machine: { ...about, loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))) },
  certificates: certificateResults,
  api,
  workflow,
  coldStart: bundles,
  renderFirstRequest: renderer,
  scale: scaled,
  report: reports,
  ...(soaked ? { soak: soaked } : {}),
};
await write('latest.json', JSON.stringify(results));
log(await write('latest.md', markdown(results)));
