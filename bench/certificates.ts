// Part 1: certificate rendering, the project's renderer against what a team would use instead. Every
// measurement runs in a fresh child process: pdfkit variants (certificate-pdfkit.ts) and headless
// Chromium, warm and cold (certificate-chromium.ts). Sequential runs give p50/p95 per PDF; "both cores"
// runs two renderers at once (two processes for pdfkit, two pages or two browsers for Chromium) and count
// certificates per second over the wall time of the pair.
import { runChild } from './child.ts';
import type { ChromiumRun } from './certificate-chromium.ts';
import type { PdfkitRun } from './certificate-pdfkit.ts';
import type { CertificateKind } from './certificate-views.ts';
import type { PdfkitVariant } from './certificate-variants.ts';
import { round, summarize, type Summary } from './stats.ts';

export interface RendererResult {
  approach: string;
  kind: CertificateKind;
  ms: Summary;
  /** pdfkit rows: CPU time of the rendering thread per document, stage by stage and for signing. */
  cpuMs?: Summary;
  stagesMs?: PdfkitRun['stagesMs'];
  signMs?: number;
  pdfKb: number;
  peakRssMb: number;
  certificatesPerSecondTwoCores?: number;
  firstDocumentMs?: number;
}

const MINUTE = 60_000;

async function pdfkit(
  variant: PdfkitVariant,
  kind: CertificateKind,
  warmup: number,
  count: number,
  offset = 0,
  startAt = 0,
) {
  return runChild<PdfkitRun>(
    'certificate-pdfkit.ts',
    [variant, kind, String(warmup), String(count), String(offset), String(startAt)],
    3 * MINUTE,
  );
}

async function chromium(
  mode: 'warm' | 'cold',
  kind: CertificateKind,
  warmup: number,
  count: number,
  lanes: number,
) {
  return runChild<ChromiumRun>(
    'certificate-chromium.ts',
    [mode, kind, String(warmup), String(count), String(lanes)],
    5 * MINUTE,
  );
}

/** Certificates per second of runs side by side, from their common start to the last one's end. */
function perSecond(runs: { ms: number[]; startedAt: number; endedAt: number }[]): number {
  const start = Math.min(...runs.map((r) => r.startedAt));
  const end = Math.max(...runs.map((r) => r.endedAt));
  const total = runs.reduce((sum, r) => sum + r.ms.length, 0);
  return round(total / ((end - start) / 1000));
}

const kb = (bytes: number[]) => round(bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024);

export async function certificates(log: (line: string) => void): Promise<RendererResult[]> {
  const results: RendererResult[] = [];
  const pdfkitRow = async (
    approach: string,
    variant: PdfkitVariant,
    kind: CertificateKind,
    n: number,
    warm: number,
  ) => {
    log(`  ${approach} (${kind})`);
    const run = await pdfkit(variant, kind, warm, n);
    // Both start rendering at the same moment, once each has started and warmed up.
    const startAt = Date.now() + 5_000;
    const pair = await Promise.all([
      pdfkit(variant, kind, warm, n, 10_000, startAt),
      pdfkit(variant, kind, warm, n, 20_000, startAt),
    ]);
    results.push({
      approach,
      kind,
      ms: summarize(run.ms),
      cpuMs: summarize(run.cpuMs),
      stagesMs: run.stagesMs,
      signMs: run.signMs,
      pdfKb: kb(run.bytes),
      peakRssMb: round(run.maxRssKb / 1024),
      certificatesPerSecondTwoCores: perSecond(pair),
      firstDocumentMs: round(run.firstMs),
    });
  };
  await pdfkitRow(
    'project renderer (pdfkit, one parsed font, shared word shapes)',
    'project',
    'free',
    150,
    20,
  );
  await pdfkitRow(
    'project renderer (pdfkit, one parsed font, shared word shapes)',
    'project',
    'paid',
    150,
    20,
  );
  await pdfkitRow('pdfkit re-parsing the CJK font per document', 'reparse', 'paid', 40, 3);
  await pdfkitRow('floor: same layout, built-in Helvetica, no CJK', 'helvetica', 'paid', 150, 20);

  const chromiumRow = async (approach: string, mode: 'warm' | 'cold', n: number, warm: number) => {
    log(`  ${approach}`);
    const run = await chromium(mode, 'paid', warm, n, 1);
    const pair = await chromium(mode, 'paid', warm, n, 2);
    results.push({
      approach,
      kind: 'paid',
      ms: summarize(run.ms),
      pdfKb: kb(run.bytes),
      peakRssMb: round(run.peakRssKb / 1024),
      certificatesPerSecondTwoCores: perSecond([pair]),
    });
  };
  await chromiumRow('headless Chromium, one browser kept warm (page reused)', 'warm', 20, 3);
  await chromiumRow('headless Chromium, cold (a browser process per PDF)', 'cold', 6, 1);
  return results;
}
