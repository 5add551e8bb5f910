// Child process: renders certificates with the project's renderer (or a bench variant of it) one after
// another and reports each document's time and size, and the process's peak RSS.
// Args: <variant> <kind free|paid> <warmup> <count> [offset] [startAt: epoch ms to wait for after warming up]
import { renderCertificate } from '#templates/pdf/certificate';
import { reply } from './child.ts';
import { benchView, type CertificateKind } from './certificate-views.ts';
import { applyVariant, type PdfkitVariant } from './certificate-variants.ts';

export interface PdfkitRun {
  variant: PdfkitVariant;
  kind: CertificateKind;
  ms: number[];
  bytes: number[];
  firstMs: number;
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
const base = Number(offset ?? 0);

// The first document pays for parsing the font (and for loading modules); reported apart.
const first = performance.now();
await renderCertificate(benchView(kind, base));
const firstMs = performance.now() - first;
for (let i = 1; i < Number(warmup); i++) await renderCertificate(benchView(kind, base + i));

// Runs side by side start rendering together, so that their rate is measured while both cores are busy.
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

const ms: number[] = [];
const bytes: number[] = [];
const startedAt = Date.now();
for (let i = 0; i < Number(count); i++) {
  const view = benchView(kind, base + Number(warmup) + i);
  const start = performance.now();
  const pdf = await renderCertificate(view);
  ms.push(performance.now() - start);
  bytes.push(pdf.length);
}
const endedAt = Date.now();
reply({
  variant,
  kind,
  ms,
  bytes,
  firstMs,
  startedAt,
  endedAt,
  maxRssKb: process.resourceUsage().maxRSS,
} satisfies PdfkitRun);
