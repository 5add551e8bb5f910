// The results as JSON and as the Markdown table (bench/results/latest.md), with each target of the
// benchmark issue checked against the measurements and every missed one explained.
import type { RouteLoad } from './api-load.ts';
import type { RendererResult } from './certificates.ts';
import type { BundleMeasure, RenderFirstRequest } from './cold-start.ts';
import { STAGES } from './certificate-stages.ts';
import type { SoakResult } from './soak.ts';
import { SOAK } from './soak.ts';
import { readDefinition, taskTimeoutSeconds } from '../workflows/load.ts';
import { TASK_MEMORY_MB, taskFunctionTimeoutSeconds } from '../infra/aws/stateless-stack.ts';
import { reviewTaskFunctions } from '#tasks/task-functions';
import type { machine } from './machine.ts';
import { BASELINE_COMMENTS, REPORT_COMMENTS, type ReportScaleResult } from './report-scale-kinds.ts';
import type { ScaleRoute } from './scale.ts';
import { LOAD } from './api-load.ts';
import { round } from './stats.ts';

export interface Results {
  generatedAt: string;
  durationSeconds: number;
  machine: ReturnType<typeof machine> & { loadAverageAtEnd: number[] };
  certificates: RendererResult[];
  api: RouteLoad[];
  workflow: WorkflowResult;
  coldStart: BundleMeasure[];
  renderFirstRequest: RenderFirstRequest[];
  scale: { routes: ScaleRoute[]; seedMs: number[] };
  report: ReportScaleResult[];
  /** With `npm run bench -- --soak`. */
  soak?: SoakResult;
}

/** The report task as deployed: its function's timeout (from its state's in the workflow) and memory. */
const REPORT_ENTRY = reviewTaskFunctions.PublishConsultationReportFunctionArn;
export const REPORT_TASK = {
  timeoutSeconds: taskFunctionTimeoutSeconds(
    taskTimeoutSeconds(readDefinition('fee-proposal-review'), 'PublishConsultationReportFunctionArn'),
  ),
  memoryMb: TASK_MEMORY_MB[REPORT_ENTRY]!,
};

export interface WorkflowResult {
  proposal: {
    path: string;
    finalStatus: string;
    stateTransitions: number;
    taskInvocations: number;
    wallMs: number;
    usage: Record<string, number>;
    cost: { totalUsd: number; linesUsd: Record<string, number> };
  };
  certificate: {
    usage: Record<string, number>;
    cost: { totalUsd: number; linesUsd: Record<string, number> };
  };
  assumptions: string[];
  prices: Record<string, string | number>;
}

interface Target {
  target: string;
  measured: string;
  met: boolean;
  gap?: string;
}

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(6) : n.toFixed(4)}`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

export function targets(r: Results): Target[] {
  const project = r.certificates.filter((c) => c.approach.startsWith('project'));
  const worst = project.reduce((a, b) => (b.ms.p50 > a.ms.p50 ? b : a));
  const paid = project.find((c) => c.kind === 'paid')!;
  const warm = r.certificates.find((c) => c.approach.includes('warm'))!;
  const cold = r.certificates.find((c) => c.approach.includes('cold'))!;
  const floor = r.certificates.find((c) => c.approach.startsWith('floor'))!;
  const licenses = r.api.find((a) => a.route.startsWith('POST /licenses'))!;
  const http = r.coldStart.filter((b) => b.kind === 'http');
  const biggest = http.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = http.reduce((a, b) => (b.importMedianMs > a.importMedianMs ? b : a));
  const sdk = r.coldStart.find((b) => b.kind === 'sdk-only')!;
  const minimal = r.coldStart.find((b) => b.kind === 'minimal')!;
  const overImport = http.filter((b) => b.importMedianMs > 60).length;
  const overRatio = http.filter((b) => b.importMedianMs > 1.3 * sdk.importMedianMs);
  const flat = (s: ScaleRoute) => s.p50AtLargeMs <= s.p50AtSmallMs * 1.5 + 1;
  const tableRoutes = r.scale.routes.filter((s) => !s.route.includes('bench agency'));
  const errors = r.api.reduce((sum, a) => sum + a.errors, 0);
  const serviceMs = round((1000 / licenses.requestsPerSecond) * 1, 0);

  return [
    {
      target: 'certificate render p50 ≤ 25 ms',
      measured: project.map((c) => `${c.kind} ${c.ms.p50} ms`).join(', '),
      met: worst.ms.p50 <= 25,
      gap: `the floor (same page, built-in Helvetica, no CJK) is ${floor.ms.p50} ms here; what is left above it is shaping and subsetting the CJK font.`,
    },
    {
      target: '≥ 20× faster than warm Chromium',
      measured: `${round(warm.ms.p50 / worst.ms.p50)}× (${warm.ms.p50} vs ${worst.ms.p50} ms)`,
      met: warm.ms.p50 / worst.ms.p50 >= 20,
      gap: `warm Chromium is ${warm.ms.p50} ms p50 on this machine, well under the ≈576 ms the issue's estimate assumed, so the ratio is smaller even where pdfkit meets its own budget.`,
    },
    {
      target: '≥ 40× faster than cold Chromium',
      measured: `${round(cold.ms.p50 / worst.ms.p50)}× (${cold.ms.p50} vs ${worst.ms.p50} ms)`,
      met: cold.ms.p50 / worst.ms.p50 >= 40,
      gap: `cold Chromium is ${cold.ms.p50} ms p50 here (the estimate assumed ≈1,130 ms).`,
    },
    {
      target: 'PDF ≤ 80 KB',
      measured: project.map((c) => `${c.kind} ${c.pdfKb} KB`).join(', '),
      met: project.every((c) => c.pdfKb <= 80),
    },
    {
      target: '≥ 80 certificates/s on two cores',
      measured: `${paid.certificatesPerSecondTwoCores} /s (paid)`,
      met: (paid.certificatesPerSecondTwoCores ?? 0) >= 80,
      gap: 'two processes on two cores: the rate is about 2 × 1000 / p50 when nothing else runs; other work on the machine (load average in the machine line) takes its share.',
    },
    {
      target: `POST /licenses (OPEN) p99 < 250 ms at ${LOAD.connections} concurrent clients, 0 errors`,
      measured: `p99 ${licenses.p99Ms} ms, p50 ${licenses.p50Ms} ms, ${licenses.requestsPerSecond} req/s, ${licenses.errors} errors`,
      met: licenses.p99Ms < 250 && licenses.errors === 0,
      gap:
        `an OPEN request renders nothing (it stores the license and mails the confirmation link; the PDF is made on ` +
        `confirmation, in the runtime's thread pool), yet a request costs ≈${serviceMs} ms of the one event loop that ` +
        `runs the handlers, the AWS SDK clients (request signing included), the DynamoDB emulator and the HTTP server ` +
        `(${licenses.requestsPerSecond}/s), so ${LOAD.connections} clients queue ≈${LOAD.connections} × ${serviceMs} ms. ` +
        'On AWS each concurrent request gets its own Lambda instance and waits for nobody. Meeting it locally would ' +
        'take the handlers themselves in more than one thread or process (each with its own SDK clients and the ' +
        'local clock shared between them): not done.',
    },
    {
      target: 'API errors under load = 0',
      measured: `${errors}`,
      met: errors === 0,
    },
    {
      target: '≤ 40 state transitions for the happy path',
      measured: `${r.workflow.proposal.stateTransitions}`,
      met: r.workflow.proposal.stateTransitions <= 40,
    },
    {
      target: 'HTTP handler bundles ≤ 150 KB',
      measured: `largest ${round(biggest.bytes / 1024)} KB (${biggest.entry})`,
      met: http.every((b) => b.bytes <= 150 * 1024),
      gap: `${http
        .filter((b) => b.bytes > 150 * 1024)
        .map((b) => b.entry)
        .join(', ')} over budget.`,
    },
    {
      target: 'HTTP handler import ≤ 60 ms',
      measured: `slowest ${slowest.importMedianMs} ms (${slowest.entry}); ${overImport} of ${http.length} over; minimal handler ${minimal.importMedianMs} ms`,
      met: overImport === 0,
      gap:
        `importing the DynamoDB SDK clients alone takes ${sdk.importMedianMs} ms here (the external AWS SDK v3, ` +
        'hundreds of CommonJS files read from node_modules, as from the Lambda runtime); that is most of every ' +
        'handler’s import. Bundling the SDK into each handler (tree-shaken ESM) is the usual cure but breaks the ' +
        '150 KB budget; not changed here.',
    },
    {
      target: 'certificate p50 ≤ 2× the no-CJK floor (wall time; CPU time of the rendering thread)',
      measured:
        `${round(worst.ms.p50 / floor.ms.p50)}× (${worst.ms.p50} vs ${floor.ms.p50} ms); CPU ` +
        `${round(worst.cpuMs!.p50 / floor.cpuMs!.p50)}× (${worst.cpuMs!.p50} vs ${floor.cpuMs!.p50} ms)`,
      met: worst.ms.p50 <= 2 * floor.ms.p50,
      gap:
        `of a certificate's ${worst.ms.p50} ms, embedding the font subset takes ${worst.stagesMs!['font subset and embed']} ms ` +
        '(fontkit writes the CFF subset through restructure, which walks the 12,307 subroutine slots of the main CJK ' +
        'table several times per document), compression ' +
        `${worst.stagesMs!.compression} ms and the measuring pass ${worst.stagesMs!['measuring pass']} ms; the floor ` +
        'embeds no font at all. Subsetting with another writer than fontkit’s was not attempted.',
    },
    {
      target: 'every HTTP bundle’s import ≤ 1.3× the SDK-only handler’s',
      measured: `slowest ${round(slowest.importMedianMs / sdk.importMedianMs)}× (${slowest.importMedianMs} vs ${sdk.importMedianMs} ms, ${slowest.entry}); ${overRatio.length} of ${http.length} over`,
      met: overRatio.length === 0,
      gap: `over: ${overRatio.map((b) => `${b.entry} ${round(b.importMedianMs / sdk.importMedianMs)}×`).join(', ')}.`,
    },
    ...pageTargets(r),
    ...soakTargets(r),
    {
      target: 'list and lookup p50 at 30,000 datasets ≈ at 1,000',
      measured: tableRoutes
        .map((s) => `${s.route.split(' (')[0]} ${s.p50AtSmallMs}→${s.p50AtLargeMs} ms`)
        .join('; '),
      met: tableRoutes.every(flat),
    },
  ];
}

/** The 10,000-comment consultation against the 10-comment one, and its report against the task. */
function pageTargets(r: Results): Target[] {
  const small = r.report.find((p) => p.comments === BASELINE_COMMENTS);
  const large = r.report.filter((p) => p.comments === REPORT_COMMENTS);
  const short = large.find((p) => p.kind === 'short');
  if (!small || !short) return [];
  const within = (a: number, b: number) => a <= 1.5 * b;
  const slowest = large.reduce((a, b) => (b.publishMs > a.publishMs ? b : a));
  const heaviest = large.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
  return [
    {
      target: `pages of a ${REPORT_COMMENTS.toLocaleString('en')}-comment consultation p50 within 1.5× of a ${BASELINE_COMMENTS}-comment one`,
      measured:
        `page ${short.commentPageP50Ms} vs ${small.commentPageP50Ms} ms; ` +
        `JSON comments ${short.commentsJsonP50Ms} vs ${small.commentsJsonP50Ms} ms`,
      met:
        within(short.commentPageP50Ms, small.commentPageP50Ms) &&
        within(short.commentsJsonP50Ms, small.commentsJsonP50Ms),
    },
    {
      target: `report of ${REPORT_COMMENTS.toLocaleString('en')} comments within half the task’s ${REPORT_TASK.timeoutSeconds} s, peak memory within its ${REPORT_TASK.memoryMb} MB`,
      measured: `slowest ${round(slowest.publishMs / 1000)} s (${slowest.kind}); highest peak RSS ${heaviest.peakRssMb} MB (${heaviest.kind}, runtime and data included)`,
      met:
        slowest.publishMs / 1000 <= REPORT_TASK.timeoutSeconds / 2 &&
        heaviest.peakRssMb <= REPORT_TASK.memoryMb,
      gap: 'measured on this machine with the whole local runtime in the process; the AWS task has one vCPU to itself.',
    },
  ];
}

function soakTargets(r: Results): Target[] {
  const soak = r.soak;
  if (!soak) return [];
  const routes = soak.routes.filter((s) => !s.route.startsWith('POST /_local/'));
  const worst = routes.reduce((a, b) => (b.ms.p99 > a.ms.p99 ? b : a));
  const errors = soak.routes.reduce((sum, s) => sum + s.errors, 0);
  return [
    {
      target: 'soak: p99 < 500 ms on every route, 0 errors',
      measured: `worst p99 ${worst.ms.p99} ms (${worst.route}); ${errors} errors`,
      met: worst.ms.p99 < 500 && errors === 0,
      gap:
        'the routes share the one event loop of the local runtime with the DynamoDB emulator and the workflow ' +
        `runner; moving the clock 61 days closes ${SOAK.proposals + 1} consultations and renders their reports on that ` +
        `loop (${round(soak.clockJumpMs / 1000)} s), and everything arriving meanwhile waits.`,
    },
    {
      target: `soak: resident memory flat within 10 % after ${SOAK.warmupSeconds} s`,
      measured: `spread ${round(soak.rssSpreadAfterWarmup * 100)} % (${soak.rss.map((s) => s.mb).join(' → ')} MB)`,
      met: soak.rssSpreadAfterWarmup <= 0.1,
      gap: 'see the samples: the runtime keeps what the day stored on disk, but its caches and the workflow runner’s state grow with it.',
    },
  ];
}

export function markdown(r: Results): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(
    `Run ${r.generatedAt} in ${r.durationSeconds} s on ${m.nproc} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.chromium}. ` +
      `Load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd.join(' / ')} (1/5/15 min): ` +
      'other work on the machine makes every timing slower. Re-run with `npm run bench`.',
    '',
  );

  lines.push('## 1. Certificate rendering (one bilingual certificate with QR code)', '');
  lines.push(
    row([
      'approach',
      'certificate',
      'p50 ms',
      'p95 ms',
      'CPU p50 ms',
      'PDF KB',
      'peak memory MB',
      'certificates/s, 2 cores',
    ]),
  );
  lines.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const c of r.certificates) {
    lines.push(
      row([
        c.approach,
        c.kind,
        c.ms.p50,
        c.ms.p95,
        c.cpuMs?.p50 ?? '—',
        c.pdfKb,
        c.peakRssMb,
        c.certificatesPerSecondTwoCores ?? '—',
      ]),
    );
  }
  lines.push(
    '',
    'Each row is a fresh process; pdfkit memory is the process’s peak RSS, Chromium’s the peak sum of PSS over the ' +
      'driver and every browser process. The first pdfkit document of a process (font parse, module load) is ' +
      `not in the percentiles: ${r.certificates
        .filter((c) => c.firstDocumentMs)
        .map((c) => `${c.approach.split(' (')[0]} ${c.kind} ${c.firstDocumentMs} ms`)
        .join('; ')}. ` +
      'Chromium prints an equivalent HTML page with the same Noto Sans TC file through @font-face from a file:// page, ' +
      'each page checked to have loaded that font before printing; Chromium embeds it as Type 3 glyphs.',
    '',
  );

  lines.push('### Where a pdfkit certificate’s time goes (median ms per document, wall time)', '');
  lines.push(
    row(['approach', 'certificate', 'render p50', ...STAGES, 'layout and drawing (the rest)', 'signing']),
  );
  lines.push(row(['---', '---', ...Array<string>(STAGES.length + 3).fill('---:')]));
  for (const c of r.certificates.filter((x) => x.stagesMs)) {
    const staged = STAGES.reduce((sum, st) => sum + c.stagesMs![st], 0);
    lines.push(
      row([
        c.approach.split(' (')[0]!,
        c.kind,
        c.ms.p50,
        ...STAGES.map((st) => c.stagesMs![st]),
        round(Math.max(0, c.ms.p50 - staged)),
        c.signMs ?? '—',
      ]),
    );
  }
  lines.push(
    '',
    'Stages are timed inside the benchmark process around pdfkit’s font embedding, zlib, the QR symbol and the ' +
      'measuring pass (bench/certificate-stages.ts), each exclusive of the others; signing is one ES256 signature ' +
      'of the certificate record with the local key, apart from the render. The CPU column is the rendering ' +
      'thread’s own CPU time, which other work on the machine inflates far less than wall time.',
    '',
  );

  lines.push(
    `## 2. API under load (local runtime in its own process, ${LOAD.connections} connections, ${LOAD.durationSeconds} s each, loopback)`,
    '',
  );
  lines.push(row(['route', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'statuses']));
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
  for (const a of r.api) {
    lines.push(
      row([
        a.route,
        a.requests,
        a.requestsPerSecond,
        a.p50Ms,
        a.p99Ms,
        a.maxMs,
        a.errors,
        Object.entries(a.statusCodes)
          .map(([k, v]) => `${k}×${v}`)
          .join(' '),
      ]),
    );
  }
  lines.push('');

  const p = r.workflow.proposal;
  const c = r.workflow.certificate;
  lines.push('## 3. Workflow cost (one proposal end to end on the local clock)', '');
  lines.push(`Path: ${p.path}; final status ${p.finalStatus}.`, '');
  lines.push(row(['measure', 'per proposal', 'per certificate']));
  lines.push(row(['---', '---:', '---:']));
  lines.push(row(['state transitions (Standard)', p.stateTransitions, 0]));
  lines.push(row(['task invocations', p.taskInvocations, 0]));
  lines.push(row(['wall time on the local clock, ms', p.wallMs, '—']));
  for (const key of Object.keys(p.usage))
    lines.push(row([key, round(p.usage[key]!, 3), round(c.usage[key] ?? 0, 3)]));
  for (const key of Object.keys(p.cost.linesUsd))
    lines.push(row([`cost: ${key}`, usd(p.cost.linesUsd[key]!), usd(c.cost.linesUsd[key] ?? 0)]));
  lines.push(row(['**projected AWS cost**', `**${usd(p.cost.totalUsd)}**`, `**${usd(c.cost.totalUsd)}**`]));
  lines.push(
    '',
    `Prices: ${r.workflow.prices.region}, ${r.workflow.prices.takenAt} — ${r.workflow.prices.note} (bench/prices.ts).`,
  );
  for (const a of r.workflow.assumptions) lines.push(`- ${a}`);
  lines.push('');

  lines.push(
    '## 4. Cold start proxy (bundled as the CDK wrapper does; import = median of 20 fresh `node` processes)',
    '',
  );
  const sdkMs = r.coldStart.find((b) => b.kind === 'sdk-only')!.importMedianMs;
  lines.push(row(['bundle', 'kind', 'KB', 'import ms', '× SDK-only']));
  lines.push(row(['---', '---', '---:', '---:', '---:']));
  for (const b of r.coldStart) {
    lines.push(
      row([
        b.entry,
        b.kind,
        round(b.bytes / 1024),
        b.importError ? `failed: ${b.importError}` : b.importMedianMs,
        b.importError ? '—' : round(b.importMedianMs / sdkMs),
      ]),
    );
  }
  lines.push(
    '',
    'Bundles import from a temporary folder whose node_modules links to the project’s, so the external `@aws-sdk/*` resolves (and is counted) as it does from the Lambda runtime.',
    '',
  );
  lines.push('### The render function’s first requests (median of 20 fresh processes, paid certificate)', '');
  lines.push(row(['font', 'import ms', 'first certificate ms', 'second certificate ms']));
  lines.push(row(['---', '---:', '---:', '---:']));
  for (const f of r.renderFirstRequest ?? [])
    lines.push(row([f.font, f.importMedianMs, f.firstRequestMedianMs, f.secondRequestMedianMs]));
  lines.push(
    '',
    'The function as it ships parses the font while it initialises (functions/tasks/preload-font.ts); the other build leaves that module out, so the first certificate parses it.',
    '',
  );

  lines.push('## 5. Scale (p50 of 150 sequential requests)', '');
  lines.push(
    row(['route', 'p50 ms at 1,000 datasets', 'p50 ms at 30,000 datasets + 1,000 proposals', 'note']),
  );
  lines.push(row(['---', '---:', '---:', '---']));
  for (const s of r.scale.routes) lines.push(row([s.route, s.p50AtSmallMs, s.p50AtLargeMs, s.note ?? '']));
  lines.push(
    '',
    `Seeding through the repositories took ${r.scale.seedMs.map((ms) => `${round(ms / 1000)} s`).join(' and ')}.`,
    '',
  );

  lines.push('## 6. A consultation of 10,000 comments: its pages, and its report (local runtime)', '');
  lines.push(
    row([
      'comments',
      'characters each',
      'page p50 ms',
      'JSON comments p50 ms',
      'publish s',
      'peak RSS MB (before → after)',
      'PDF MB',
      'PDF pages',
    ]),
  );
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const p of r.report ?? []) {
    lines.push(
      row([
        `${p.comments.toLocaleString('en')} ${p.kind}`,
        p.commentChars,
        p.commentPageP50Ms ?? '—',
        p.commentsJsonP50Ms ?? '—',
        round(p.publishMs / 1000),
        `${p.rssBeforeMb} → ${p.peakRssMb}`,
        round(p.pdfBytes / 1024 / 1024),
        p.pdfPages,
      ]),
    );
  }
  lines.push(
    '',
    'Pages: GET /consultations/{id} and GET /fee-proposals/{id}/comments (its first page), p50 of 40 sequential requests while the consultation is open. ' +
      'One process holds the local runtime (DynamoDB in memory, with every comment) and the workflow; the report reads the comments a page at a time and streams its PDF to the blob store, so the rise in peak RSS is the renderer’s. "long" comments and replies are as long as a comment may be. ' +
      `The report task on AWS has ${REPORT_TASK.timeoutSeconds} s at ${REPORT_TASK.memoryMb.toLocaleString('en')} MB (infra/aws/stateless-stack.ts).`,
    '',
  );

  if (r.soak) {
    const k = r.soak;
    lines.push(`## 7. Busy-day soak (${k.seconds} s of wall time, local runtime with DynamoDB on disk)`, '');
    lines.push(
      `${SOAK.comments.toLocaleString('en')} comments on one proposal in the first hour of its consultation, ` +
        `${SOAK.licenses.toLocaleString('en')} license requests (OPEN and on application; every fifth OPEN one confirmed, which issues its certificate), ` +
        `${SOAK.proposals} proposals submitted, then the clock moved 61 days (${round(k.clockJumpMs / 1000)} s) and ${SOAK.approvals} of 7 members approving each from the mailed ballot links. ` +
        `Requests arrive at fixed rates whatever the answers take (bench/soak.ts). Proposals at the end: ${Object.entries(
          k.proposalStatuses,
        )
          .map(([status, n]) => `${status} ${n}`)
          .join(', ')}.`,
      '',
    );
    lines.push(row(['route', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms']));
    lines.push(row(['---', '---:', '---:', '---:', '---:', '---:']));
    for (const x of k.routes) lines.push(row([x.route, x.requests, x.errors, x.ms.p50, x.ms.p99, x.ms.max]));
    lines.push(
      '',
      `Resident memory of the runtime every ${SOAK.sampleEverySeconds} s (MB): ${k.rss.map((x) => `${x.atSeconds} s ${x.mb}`).join(', ')}.`,
      '',
    );
    if (k.errorSamples.length > 0) lines.push(`First errors: ${k.errorSamples.join('; ')}`, '');
  }

  lines.push('## Targets', '');
  lines.push(row(['target', 'measured', 'met']));
  lines.push(row(['---', '---', '---']));
  const checked = targets(r);
  for (const t of checked) lines.push(row([t.target, t.measured, t.met ? 'yes' : '**no**']));
  const missed = checked.filter((t) => !t.met);
  if (missed.length > 0) {
    lines.push('', '### Gaps', '');
    for (const t of missed) lines.push(`- **${t.target}**: ${t.gap ?? 'see the numbers above.'}`);
  }
  return lines.join('\n') + '\n';
}
