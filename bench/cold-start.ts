// Part 4: a proxy for Lambda cold starts. Every HTTP handler of routes.ts and every workflow task of
// task-functions.ts is bundled as the CDK wrapper bundles it (service-function.ts BUNDLING: ESM, minified,
// `@aws-sdk/*` external, local-only adapters compiled out), next to a minimal handler bundled the same way.
// Each bundle is measured for its bytes and for the time a fresh `node` process takes to import it
// (median of 20 processes, one after another). A second baseline loads only the DynamoDB SDK clients. The bundles sit in a temporary folder whose node_modules
// links to the project's, so the external AWS SDK v3 resolves and its import is counted, as on Lambda
// where the runtime provides it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { routes } from '#http/routes';
import { certificateRendererEntry, deadlineFunctionEntry, reviewTaskFunctions } from '#tasks/task-functions';
import { benchView } from './certificate-views.ts';
import { CJK_FONT_SOURCE, ESBUILD_OPTIONS, PROJECT_ROOT } from '../infra/aws/constructs/service-function.ts';
import { median, round } from './stats.ts';

export const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 20);
const MINIMAL = 'bench/minimal-handler.ts';
const SDK_ONLY = 'bench/sdk-only-handler.ts';

export interface BundleMeasure {
  entry: string;
  kind: 'http' | 'task' | 'minimal' | 'sdk-only';
  bytes: number;
  importMedianMs: number;
  importError?: string;
}

/** Environment a deployed function has (names only matter; nothing is called at import). */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'ap-northeast-1',
  TABLE_NAME: 'bench',
  BLOB_BUCKET: 'bench',
  SIGNING_KEY_ID: 'bench',
  MAIL_FROM: 'bench@example.tw',
  REVIEW_STATE_MACHINE_ARN: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:bench',
  SCHEDULE_GROUP_NAME: 'bench',
  DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-1:000000000000:function:bench',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench',
  PUBLIC_BASE_URL: 'https://ogdl.example.gov.tw',
  CJK_FONT_PATH: CJK_FONT_SOURCE,
};

const IMPORT_PROBE = [
  'const start = performance.now();',
  "await import('./index.mjs');",
  'process.stdout.write(String(performance.now() - start));',
].join('\n');

export async function coldStart(): Promise<BundleMeasure[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-bundles-'));
  try {
    const entries: { entry: string; kind: BundleMeasure['kind'] }[] = [
      { entry: MINIMAL, kind: 'minimal' },
      { entry: SDK_ONLY, kind: 'sdk-only' },
      ...[...new Set(routes.map((r) => r.entry))].map((entry) => ({ entry, kind: 'http' as const })),
      ...[...Object.values(reviewTaskFunctions), deadlineFunctionEntry].map((entry) => ({
        entry,
        kind: 'task' as const,
      })),
    ];
    const measures: BundleMeasure[] = [];
    for (const [i, { entry, kind }] of entries.entries()) {
      const dir = path.join(work, String(i));
      mkdirSync(dir);
      symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const bytes = await bundle(entry, path.join(dir, 'index.mjs'));
      writeFileSync(path.join(dir, 'probe.mjs'), IMPORT_PROBE);
      const times: number[] = [];
      let importError: string | undefined;
      for (let run = 0; run < IMPORT_RUNS && !importError; run++) {
        try {
          const out = execFileSync(process.execPath, ['probe.mjs'], {
            cwd: dir,
            env: LAMBDA_ENV,
            stdio: 'pipe',
          });
          times.push(Number(out.toString()));
        } catch (error) {
          importError = String((error as { stderr?: Buffer }).stderr ?? error)
            .split('\n')
            .find((l) => /Error/.test(l));
        }
      }
      measures.push({
        entry,
        kind,
        bytes,
        importMedianMs: round(median(times)),
        ...(importError ? { importError } : {}),
      });
    }
    return measures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface RenderFirstRequest {
  /** The render function as it ships (font parsed at init), or built without its preload-font module. */
  font: 'preloaded at init' | 'parsed on the first request';
  importMedianMs: number;
  firstRequestMedianMs: number;
  secondRequestMedianMs: number;
}

const RENDER_PROBE = [
  "import { readFileSync } from 'node:fs';",
  "const view = JSON.parse(readFileSync('./view.json', 'utf8'));",
  'const t0 = performance.now();',
  "const { handler } = await import('./index.mjs');",
  'const t1 = performance.now();',
  'await handler(view);',
  'const t2 = performance.now();',
  'await handler(view);',
  'const t3 = performance.now();',
  // Last, on a line of its own: the function logs each certificate to stdout before it.
  "process.stdout.write('\\n' + JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));",
].join('\n');

/**
 * The render function's cold start in two builds: as it ships, and without the module that parses
 * the font at init (the bench alone drops it): import, then the first and second certificate, each
 * the median of IMPORT_RUNS fresh processes.
 */
export async function renderFirstRequest(): Promise<RenderFirstRequest[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-render-'));
  try {
    const results: RenderFirstRequest[] = [];
    for (const font of ['preloaded at init', 'parsed on the first request'] as const) {
      const dir = path.join(work, font === 'preloaded at init' ? 'preloaded' : 'lazy');
      mkdirSync(dir);
      symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      await bundle(certificateRendererEntry, path.join(dir, 'index.mjs'), font !== 'preloaded at init');
      writeFileSync(path.join(dir, 'probe.mjs'), RENDER_PROBE);
      writeFileSync(path.join(dir, 'view.json'), JSON.stringify(benchView('paid', 1)));
      const runs: number[][] = [];
      for (let run = 0; run < IMPORT_RUNS; run++) {
        const out = execFileSync(process.execPath, ['probe.mjs'], {
          cwd: dir,
          env: LAMBDA_ENV,
          stdio: 'pipe',
        });
        runs.push(JSON.parse(out.toString().trim().split('\n').at(-1)!) as number[]);
      }
      results.push({
        font,
        importMedianMs: round(median(runs.map((r) => r[0]!))),
        firstRequestMedianMs: round(median(runs.map((r) => r[1]!))),
        secondRequestMedianMs: round(median(runs.map((r) => r[2]!))),
      });
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `withoutFontPreload` builds the render function without functions/tasks/preload-font.ts. */
async function bundle(entry: string, outfile: string, withoutFontPreload = false): Promise<number> {
  const result = await build({
    plugins: withoutFontPreload
      ? [
          {
            name: 'without-font-preload',
            setup(b) {
              b.onResolve({ filter: /preload-font\.ts$/ }, () => ({
                path: 'preload-font',
                namespace: 'empty',
              }));
              b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
            },
          },
        ]
      : [],
    ...ESBUILD_OPTIONS,
    entryPoints: [entry],
    outfile,
    write: true,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'))!;
  return output[1].bytes;
}
