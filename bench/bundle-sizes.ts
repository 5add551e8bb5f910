// `npm run bench -- --only bundles`: the bytes of every HTTP handler's bundle, built with the wrapper's
// esbuild settings (ESBUILD_OPTIONS), against the budget and the room each must keep
// (HTTP_BUNDLE_BUDGET); the closest first. Written to bench/results/bundles.{json,md}.
import { build } from 'esbuild';
import { routes } from '#http/routes';
import { ESBUILD_OPTIONS, HTTP_BUNDLE_BUDGET } from '../infra/aws/constructs/service-function.ts';

export interface BundleSize {
  entry: string;
  bytes: number;
  /** Bytes left below the 150 KB budget. */
  spareBytes: number;
  /** Whether it keeps the room HTTP_BUNDLE_BUDGET asks for. */
  keepsSpare: boolean;
}

/** The size of one bundle as the wrapper would build it (in memory, nothing written). */
export async function bundleBytes(entry: string): Promise<number> {
  const result = await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [entry],
    outfile: 'index.mjs',
    write: false,
  });
  return result.outputFiles.find((f) => f.path.endsWith('.mjs'))!.contents.byteLength;
}

/** Every HTTP handler's bundle, the fullest first. */
export async function bundleSizes(): Promise<BundleSize[]> {
  const entries = [...new Set(routes.map((r) => r.entry))];
  const sizes: BundleSize[] = [];
  for (const entry of entries) {
    const bytes = await bundleBytes(entry);
    const spareBytes = HTTP_BUNDLE_BUDGET.limitBytes - bytes;
    sizes.push({ entry, bytes, spareBytes, keepsSpare: spareBytes >= HTTP_BUNDLE_BUDGET.spareBytes });
  }
  return sizes.sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function bundlesMarkdown(sizes: BundleSize[], generatedAt: string): string {
  const { limitBytes, spareBytes } = HTTP_BUNDLE_BUDGET;
  const short = sizes.filter((s) => !s.keepsSpare);
  return [
    '# HTTP handler bundles',
    '',
    `Generated ${generatedAt}. Budget ${kb(limitBytes)} KB per handler (minified ESM, AWS SDK and Powertools ` +
      `external), of which every handler keeps ${kb(spareBytes)} KB spare: at most ${kb(limitBytes - spareBytes)} KB. ` +
      (short.length === 0
        ? `All ${sizes.length} bundles keep it.`
        : `${short.length} of ${sizes.length} bundles do not: ${short.map((s) => s.entry).join(', ')}.`),
    '',
    '| bundle | KB | spare KB |',
    '|---|---:|---:|',
    ...sizes.map(
      (s) => `| ${s.entry} | ${kb(s.bytes)} | ${kb(s.spareBytes)}${s.keepsSpare ? '' : ' (short)'} |`,
    ),
    '',
  ].join('\n');
}
