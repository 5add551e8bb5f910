// Child process: renders certificates with the project's renderer (or a bench variant of it) one after
// another and reports each document's time and size, the median time of each stage of a render
// (certificate-stages.ts), the process's peak RSS, and the median time of signing a certificate's
// record with the local signer (ES256, as KMS signs on AWS).
// Args: <variant> <kind free|paid> <warmup> <count> [offset] [startAt: epoch ms to wait for after warming up]
import { renderCertificate } from '#templates/pdf/certificate';
import { reply } from './child.ts';
import { benchView, type CertificateKind } from './certificate-views.ts';
import { applyVariant, type PdfkitVariant } from './certificate-variants.ts';
import { instrumentStages, STAGES, takeStages, type Stage } from './certificate-stages.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalKeySigner } from '#ports/signer-local';
import { median, round } from './stats.ts';

export interface PdfkitRun {
  variant: PdfkitVariant;
  kind: CertificateKind;
  ms: number[];
  /** CPU time of the rendering thread per document: what other work on the machine inflates least. */
  cpuMs: number[];
  bytes: number[];
  firstMs: number;
  /** Median ms per document of each stage; the rest of `ms` is layout and drawing. */
  stagesMs: Record<Stage, number>;
  signMs: number;
  startedAt: number;
  endedAt: number;
  maxRssKb: number;
}

const [variant, kind, warmup, count, offset, startAt] = process.argv.slice(2) as [
  PdfkitVariant,
  CertificateKind,
  string,
  string,
  string | undefined,
  string | undefined,
];
applyVariant(variant);
instrumentStages();
const base = Number(offset ?? 0);

// The first document pays for parsing the font (and for loading modules); reported apart.
const first = performance.now();
await renderCertificate(benchView(kind, base));
const firstMs = performance.now() - first;
for (let i = 1; i < Number(warmup); i++) await renderCertificate(benchView(kind, base + i));

// Runs side by side start rendering together, so that their rate is measured while both cores are busy.
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

// Node ≥ 23.9 (the project runs 24); @types/node 20 does not list it yet.
const threadCpu = (process as unknown as { threadCpuUsage(since?: NodeJS.CpuUsage): NodeJS.CpuUsage })
  .threadCpuUsage;
const ms: number[] = [];
const cpuMs: number[] = [];
const bytes: number[] = [];
const stages = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
takeStages();
const startedAt = Date.now();
for (let i = 0; i < Number(count); i++) {
  const view = benchView(kind, base + Number(warmup) + i);
  const start = performance.now();
  const cpu = threadCpu.call(process);
  const pdf = await renderCertificate(view);
  ms.push(performance.now() - start);
  const used = threadCpu.call(process, cpu);
  cpuMs.push((used.user + used.system) / 1000);
  bytes.push(pdf.length);
  for (const [stage, spent] of Object.entries(takeStages())) stages.get(stage as Stage)!.push(spent);
}
const endedAt = Date.now();

// Signing the record a certificate's PDF hash goes into: a P-256 key generated in a scratch folder.
const keyDir = mkdtempSync(path.join(tmpdir(), 'bench-signer-'));
const signer = new LocalKeySigner(keyDir);
const claims = { ...benchView(kind, base), pdfSha256: 'a'.repeat(64) };
await signer.sign(claims);
const signMs: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  await signer.sign({ ...claims, number: `${claims.number}-${i}` });
  signMs.push(performance.now() - start);
}
rmSync(keyDir, { recursive: true, force: true });
reply({
  variant,
  kind,
  ms,
  cpuMs,
  bytes,
  firstMs,
  stagesMs: Object.fromEntries([...stages].map(([stage, list]) => [stage, round(median(list), 2)])) as Record<
    Stage,
    number
  >,
  signMs: round(median(signMs), 2),
  startedAt,
  endedAt,
  maxRssKb: process.resourceUsage().maxRSS,
} satisfies PdfkitRun);
