import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { isBearerAccess } from '#http/types';
import { certificateRendererEntry, deadlineFunctionEntry, reviewTaskFunctions } from '#tasks/task-functions';
import {
  CJK_FONT_FILE,
  ESBUILD_OPTIONS,
  HTTP_BUNDLE_BUDGET,
  PDF_FONT_FILES,
  PROJECT_ROOT,
  ServiceFunction,
} from '../../infra/aws/constructs/service-function.ts';
import { FALLBACK_FONT_DIR_VARIABLE } from '#templates/pdf/font-files';
import { pdfText } from '#test/support/pdf-text';
import type { CertificateView } from '#templates/pdf/certificate';
import type { ConsultationReportView } from '#templates/pdf/consultation-report';
import { newApp } from './support.ts';

/** What an HTTP handler may weigh: the 150 KB budget less the room each must keep (service-function.ts). */
const HTTP_BUNDLE_MAX_BYTES = HTTP_BUNDLE_BUDGET.limitBytes - HTTP_BUNDLE_BUDGET.spareBytes;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Lambda's limit on a function's unzipped package (code and files, layers included). */
const LAMBDA_UNZIPPED_LIMIT_BYTES = 250 * 1024 * 1024;

/** A name in scripts the primary font lacks (Extension B, Hebrew, Hangul): drawn by the shipped fallbacks. */
const MIXED_NAME = '𡈽𠀋 שלום 김민';

const consultationReport = {
  proposal: {
    id: '01JPROBE',
    version: 1,
    title: { zh: '開放資料加值服務規費', en: 'Open data value-added service fees' },
    agencyName: { zh: '數位發展部', en: 'Ministry of Digital Affairs' },
    legalBasis: '規費法第十條',
    effectiveFrom: '2026-07-01',
  },
  consultation: {
    round: 1,
    opensAt: '2026-03-01T00:00:00Z',
    closesAt: '2026-04-30T00:00:00Z',
    extensions: [],
  },
  items: [
    {
      id: 'bulk',
      name: { zh: '大量下載', en: 'Bulk download' },
      unit: { zh: '每次', en: 'per request' },
      amountTwd: 120,
      documentedUnitCostTwd: 150,
      marginalUnitCostTwd: 90,
      exceptionReason: '含人工審核',
    },
  ],
  comments: [
    {
      id: 'c1',
      receivedAt: '2026-03-02T01:02:03Z',
      tier: 'VERIFIED_EMAIL',
      authorLabel: MIXED_NAME,
      organizationSelfDeclared: false,
      body: '費用是否能依筆數遞減？',
      disposition: 'PARTLY_ADOPTED',
      reply: '將於下次檢討時評估。',
      answeredAt: '2026-03-10T00:00:00Z',
    },
  ],
  counts: {
    entries: 1,
    total: 1,
    entriesByTier: { VERIFIED_EMAIL: 1 },
    byTier: { VERIFIED_EMAIL: 1 },
    entriesByDisposition: { PARTLY_ADOPTED: 1 },
    byDisposition: { PARTLY_ADOPTED: 1 },
  },
  generatedAt: '2026-05-01T00:00:00Z',
} satisfies ConsultationReportView;

const certificate = {
  kind: 'OGDL',
  number: 'OGDL-2026-000001',
  issuedAt: '2026-05-01T08:00:00Z',
  licensee: { name: MIXED_NAME, organization: '開放資料協會' },
  dataset: {
    agencyName: { zh: '數位發展部', en: 'Ministry of Digital Affairs' },
    title: { zh: '公共運輸路線', en: 'Public transport routes' },
    version: '2026.1',
  },
  license: {
    nameZh: '政府資料開放授權條款－第1版',
    nameEn: 'Open Government Data License, version 1.0',
    version: '1.0',
    url: 'https://data.gov.tw/license',
    spdx: 'OGDL-Taiwan-1.0',
  },
  grantSummary: { zh: '得利用本資料', en: 'May use this dataset' },
  attribution: {
    zh: [
      '數位發展部 2026 公共運輸路線 2026.1',
      '此開放資料依政府資料開放授權條款進行公眾釋出。',
      '授權條款：https://data.gov.tw/license',
    ],
    en: [
      'Ministry of Digital Affairs 2026 Public transport routes 2026.1',
      'Released under the OGDL.',
      'License: https://data.gov.tw/license',
    ],
  },
  verifyUrl: 'https://example.gov.tw/certificates/OGDL-2026-000001',
  jwksUrl: 'https://example.gov.tw/.well-known/jwks.json',
} satisfies CertificateView;

/**
 * The PDF probes, each bundled by the wrapper and called with a minimal view: the consultation report
 * renderer alone, as the workflow tasks bundle it (it returns the PDF), and the certificate render
 * function itself, called as Lambda calls it (the view is the event; it answers the PDF in base64).
 */
const PROBES = [
  {
    id: 'ConsultationReport',
    entry: 'templates/pdf/consultation-report.ts',
    render: 'renderConsultationReport',
    view: consultationReport,
    answer: 'pdf',
  },
  {
    id: 'CertificateRenderer',
    entry: certificateRendererEntry,
    render: 'handler',
    view: certificate,
    answer: 'base64 in pdf',
  },
] as const;

/** The bearer-token verification (jose and the key set): only the routes that take a token need it. */
const BEARER_TOKENS_MODULE = 'functions/ports/bearer-tokens.ts';

/**
 * The Idempotency-Key handling (middleware/idempotency.ts and the store it claims keys in), known in a
 * bundle by the code it refuses a reused key with: what every function with a POST route needs, and
 * what a function whose routes all answer GET leaves out (the `…GetHandler` builders, handler.ts).
 */
const IDEMPOTENCY_CODE = 'IDEMPOTENCY_KEY_REUSED';

/** Modules only the local runtime runs: AWS bundles must not carry them (see aws-build.ts). */
const LOCAL_ONLY_MODULES = [
  'functions/ports/mailer-outbox.ts',
  'functions/ports/blob-store-folder.ts',
  'functions/ports/signer-local.ts',
  'functions/ports/scheduler-table.ts',
  'functions/ports/certificate-renderer-local.ts',
];

/**
 * The task functions that render a PDF (the consultation report, the decision record, the
 * certificate). Every other task must bundle neither pdfkit, fontkit nor the font module: they would
 * add ≈ 0.9 MB to its code and make it need the font file and 1.5 GB of memory.
 */
const RENDERING_TASKS = [
  reviewTaskFunctions.PublishConsultationReportFunctionArn,
  reviewTaskFunctions.ApplyDecisionFunctionArn,
  certificateRendererEntry,
];
const TASKS = [...Object.values(reviewTaskFunctions), deadlineFunctionEntry, certificateRendererEntry];
const renderingModules = (modules: string[]) =>
  modules.filter((m) => /node_modules\/(pdfkit|fontkit)\//.test(m) || m === 'templates/pdf/fonts.ts');

/** The packages of the Powertools layer a rendering function loads (the logger and what it needs). */
const POWERTOOLS_LAYER_MODULES = ['@aws-lambda-powertools', '@aws/lambda-invoke-store'];

let bundles: Map<string, { size: number; modules: string[]; code: string }>;
let workDir: string;
const probed = new Map<string, { files: string[]; bytes: number; pdf: Buffer }>();

/** Bundles `entry` with the wrapper's settings, in memory: the size of the JavaScript and what is in it. */
async function bundled(entry: string): Promise<{ size: number; modules: string[]; code: string }> {
  const result = await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [entry],
    outfile: 'index.mjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs).filter((o) => o.entryPoint !== undefined);
  const file = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!;
  return {
    size: file.contents.byteLength,
    code: file.text,
    modules: Object.entries(output!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file),
  };
}

beforeAll(async () => {
  // Prepare: every HTTP handler, bundled as the wrapper does (in parallel, in memory).
  const entries = [...new Set([...routes.map((r) => r.entry), ...TASKS])];
  bundles = new Map(await Promise.all(entries.map(async (entry) => [entry, await bundled(entry)] as const)));

  // Prepare: the PDF probes, bundled by the real wrapper (NodejsFunction + command hooks) in a throwaway stack.
  const app = newApp({ 'aws:cdk:bundling-stacks': ['**'], 'aws:cdk:enable-asset-metadata': true });
  const stack = new Stack(app, 'PdfProbe');
  const probes = PROBES.map((probe) => ({
    probe,
    fn: new ServiceFunction(stack, probe.id, {
      entry: probe.entry,
      description: 'PDF probe',
      logRetention: RetentionDays.ONE_DAY,
    }),
  }));
  const assembly = app.synth();
  const template = assembly.getStackByName('PdfProbe').template as { Resources: Record<string, any> };
  workDir = mkdtempSync(path.join(tmpdir(), 'pdf-probe-'));

  for (const { probe, fn } of probes) {
    const logicalId = stack.getLogicalId(fn.fn.node.defaultChild as CfnFunction);
    const assetDir = path.join(assembly.directory, template.Resources[logicalId].Metadata['aws:asset:path']);

    // Act: copy the asset alone into an empty folder (no node_modules anywhere above it) and render
    // there, in a plain Node process, with the font found only through CJK_FONT_PATH as on Lambda.
    const dir = path.join(workDir, probe.id);
    cpSync(assetDir, dir, { recursive: true });
    const files = readdirSync(dir).sort();
    const bytes = files.reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
    // What the Powertools layer provides on Lambda (/opt/nodejs/node_modules), and nothing else.
    for (const module of POWERTOOLS_LAYER_MODULES)
      cpSync(path.join(PROJECT_ROOT, 'node_modules', module), path.join(dir, 'node_modules', module), {
        recursive: true,
      });
    writeFileSync(path.join(dir, 'view.json'), JSON.stringify(probe.view));
    const script = [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      `const { ${probe.render}: render } = await import('./index.mjs');`,
      "const view = JSON.parse(readFileSync('./view.json', 'utf8'));",
      probe.answer === 'pdf'
        ? "writeFileSync('./out.pdf', await render(view));"
        : "writeFileSync('./out.pdf', Buffer.from((await render(view)).pdf, 'base64'));",
    ].join('\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        CJK_FONT_PATH: path.join(dir, CJK_FONT_FILE),
        [FALLBACK_FONT_DIR_VARIABLE]: dir,
      },
      stdio: 'pipe',
    });
    probed.set(probe.id, { files, bytes, pdf: readFileSync(path.join(dir, 'out.pdf')) });
  }
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('HTTP handler bundles', () => {
  beforeAll(() => {
    // Each handler's margin to the budget, the closest first: where the next saving is needed.
    const margins = [...new Set(routes.map((r) => r.entry))]
      .map((entry) => ({ entry, size: bundles.get(entry)!.size }))
      .sort((a, b) => b.size - a.size);
    console.info(
      [
        `HTTP bundles: ${kb(HTTP_BUNDLE_BUDGET.limitBytes)} budget, ${kb(HTTP_BUNDLE_BUDGET.spareBytes)} to spare; ` +
          `closest: ${margins
            .slice(0, 3)
            .map((m) => m.entry)
            .join(', ')}`,
        ...margins.map(
          (m) =>
            `  ${kb(m.size).padStart(9)}  ${kb(HTTP_BUNDLE_BUDGET.limitBytes - m.size).padStart(8)} spare  ${m.entry}`,
        ),
      ].join('\n'),
    );
  });

  it.each(routes.map((r) => [r.entry] as const))(
    `%s stays within ${kb(HTTP_BUNDLE_MAX_BYTES)} minified (${kb(HTTP_BUNDLE_BUDGET.spareBytes)} below the budget), without the AWS SDK and Powertools`,
    (entry) => {
      const { size } = bundles.get(entry)!;
      expect(
        size,
        `${entry}: ${kb(size)}, ${kb(HTTP_BUNDLE_BUDGET.limitBytes - size)} below the ${kb(HTTP_BUNDLE_BUDGET.limitBytes)} budget`,
      ).toBeLessThanOrEqual(HTTP_BUNDLE_MAX_BYTES);
    },
  );

  it.each(routes.map((r) => [r.entry, r.access] as const))(
    '%s (access %s) bundles the bearer-token verification exactly when it takes a token',
    (entry, access) => {
      expect(bundles.get(entry)!.modules.includes(BEARER_TOKENS_MODULE)).toBe(isBearerAccess(access));
    },
  );

  // A function with a POST route must honour the key; one whose routes all answer GET has none to
  // honour (functions answering PUT or DELETE are built with the write builders, which carry it too).
  it.each(
    [...new Set(routes.map((r) => r.entry))]
      .map((entry) => [entry, routes.filter((r) => r.entry === entry).map((r) => r.method)] as const)
      .filter(([, methods]) => methods.includes('POST') || methods.every((m) => m === 'GET'))
      .map(([entry, methods]) => [entry, methods.includes('POST')] as const),
  )(
    '%s bundles the Idempotency-Key handling: %s (exactly when one of its routes is a POST)',
    (entry, takesPost) => {
      expect(bundles.get(entry)!.code.includes(IDEMPOTENCY_CODE)).toBe(takesPost);
    },
  );

  it.each(routes.map((r) => [r.entry] as const))('%s carries none of the local-only adapters', (entry) => {
    expect(bundles.get(entry)!.modules.filter((m) => LOCAL_ONLY_MODULES.includes(m))).toEqual([]);
  });
});

describe('task bundles', () => {
  it.each(TASKS.filter((t) => !RENDERING_TASKS.includes(t)).map((t) => [t] as const))(
    '%s renders nothing: no pdfkit, no fontkit, no font',
    (entry) => {
      expect(renderingModules(bundles.get(entry)!.modules)).toEqual([]);
    },
  );

  it.each(RENDERING_TASKS.map((t) => [t] as const))(
    '%s renders a PDF: pdfkit and the font module',
    (entry) => {
      const found = renderingModules(bundles.get(entry)!.modules);
      expect(found.some((m) => m.includes('node_modules/pdfkit/'))).toBe(true);
      expect(found).toContain('templates/pdf/fonts.ts');
    },
  );
});

describe.each(PROBES.map((p) => [p.entry, p.id] as const))('the PDF rendering bundle of %s', (_entry, id) => {
  it('ships the ESM bundle with its source map, the fonts and their licences, nothing else', () => {
    expect(probed.get(id)!.files).toEqual(
      [...PDF_FONT_FILES.map((file) => file.name), 'index.mjs', 'index.mjs.map'].sort(),
    );
  });

  it('stays well within the unzipped package limit of Lambda', () => {
    const { bytes } = probed.get(id)!;
    console.info(`${id} package: ${(bytes / 1024 / 1024).toFixed(1)} MB unzipped`);
    expect(bytes).toBeLessThan(LAMBDA_UNZIPPED_LIMIT_BYTES / 4);
  });

  it('draws a name in Extension B, Hebrew and Hangul from the shipped fallback fonts alone', async () => {
    const { pdf } = probed.get(id)!;
    expect(await pdfText(new Uint8Array(pdf))).toContain(MIXED_NAME);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHebrew-Regular/);
  });

  it('renders a complete PDF from an empty folder, with the font embedded', () => {
    const { pdf } = probed.get(id)!;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans/);
  });
});
