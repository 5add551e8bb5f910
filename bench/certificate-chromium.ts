// Child process: prints the HTML certificate to PDF with headless Chromium (Debian's, driven by
// playwright-core), either with one browser kept warm or with a fresh browser process per PDF (cold).
// Before printing, every page is checked to have loaded the certificate's own font: a page filled with
// setContent on about:blank silently refuses a file:// @font-face and prints in a system font instead,
// which would make the comparison unfair, so each certificate is written to a file and navigated to.
// Args: <warm|cold> <kind free|paid> <warmup> <count> <parallel pages>
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { reply } from './child.ts';
import { certificateHtml, HTML_FONT_FAMILY } from './certificate-html.ts';
import { benchView, type CertificateKind } from './certificate-views.ts';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumRun {
  mode: 'warm' | 'cold';
  kind: CertificateKind;
  ms: number[];
  bytes: number[];
  startedAt: number;
  endedAt: number;
  /** Highest sum of PSS over this process and every process below it (the browser's), sampled every 50 ms. */
  peakRssKb: number;
  fontChecked: number;
}

const [mode, kind, warmup, count, parallel] = process.argv.slice(2) as [
  'warm' | 'cold',
  CertificateKind,
  string,
  string,
  string,
];
const work = mkdtempSync(path.join(tmpdir(), 'bench-chromium-'));
let fontChecked = 0;

async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(work, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function print(page: Page, i: number): Promise<Buffer> {
  const file = path.join(work, `certificate-${i}.html`);
  writeFileSync(file, await certificateHtml(benchView(kind, i)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Runs in the page (a string, since this project's TypeScript has no DOM types).
  const status = (await page.evaluate(`(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.family.replace(/["']/g, '') === ${JSON.stringify(HTML_FONT_FAMILY)})
      .map((face) => face.status);
  })()`)) as string[];
  if (status.length === 0 || status.some((s) => s !== 'loaded')) {
    throw new Error(
      `certificate font not loaded in Chromium (${JSON.stringify(status)}): the comparison would be unfair`,
    );
  }
  fontChecked += 1;
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

/**
 * Memory of this process and all its descendants, from /proc: proportional set size (shared pages split
 * between the processes sharing them), so Chromium's many processes are not counted several times over.
 */
function treeRssKb(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), 0);
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === process.pid) {
        total += pssKb(pid) ?? kb;
        break;
      }
    }
  }
  return total;
}

function pssKb(pid: number): number | undefined {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

let peakRssKb = 0;
const sampler = setInterval(() => (peakRssKb = Math.max(peakRssKb, treeRssKb())), 50);

const ms: number[] = [];
const bytes: number[] = [];
const lanes = Number(parallel);
let next = 0;
const total = Number(warmup) + Number(count);
let startedAt = 0;

async function timeOne(run: (i: number) => Promise<Buffer>): Promise<void> {
  const i = next++;
  if (i === Number(warmup)) startedAt = Date.now();
  const start = performance.now();
  const pdf = await run(i);
  if (i >= Number(warmup)) {
    ms.push(performance.now() - start);
    bytes.push(pdf.length);
  }
}

if (mode === 'warm') {
  const browser = await launch();
  const pages = await Promise.all(Array.from({ length: lanes }, () => browser.context.newPage()));
  // Warm-up first, on one page, so that the timed part starts with every lane ready.
  for (let i = 0; i < Number(warmup); i++) await timeOne((n) => print(pages[0]!, n));
  await Promise.all(
    pages.map(async (page) => {
      while (next < total) await timeOne((n) => print(page, n));
    }),
  );
  await browser.close();
} else {
  const cold = async (n: number) => {
    const browser = await launch();
    try {
      return await print(await browser.context.newPage(), n);
    } finally {
      await browser.close();
    }
  };
  for (let i = 0; i < Number(warmup); i++) await timeOne(cold);
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < total) await timeOne(cold);
    }),
  );
}
const endedAt = Date.now();
clearInterval(sampler);
rmSync(work, { recursive: true, force: true });
reply({ mode, kind, ms, bytes, startedAt, endedAt, peakRssKb, fontChecked } satisfies ChromiumRun);
